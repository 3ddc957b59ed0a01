package main

// A parenthesized embedded field type is a syntax error; gc reports each and goes on.

type T struct {
	x int
	(int8)
	(*string)
	*(bool)
}

func main() {}
