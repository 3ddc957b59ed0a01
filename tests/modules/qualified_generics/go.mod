module example.com/qualified_generics

go 1.27
