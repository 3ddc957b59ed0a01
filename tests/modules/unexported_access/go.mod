module example.com/unexported_access

go 1.27
