module example.com/langbuild

go 1.27
