module example.com/initorder_diamond

go 1.27
