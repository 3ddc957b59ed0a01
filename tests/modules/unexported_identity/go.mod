module example.com/unexported_identity

go 1.27
