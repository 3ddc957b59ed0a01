module example.com/langup

go 1.22
