module example.com/m1

go 1.27
