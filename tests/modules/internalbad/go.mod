module example.com/ib

go 1.27
