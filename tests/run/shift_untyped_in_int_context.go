package main

// A non-constant shift of an untyped constant in an expression with an untyped float
// constant takes the type of the context (int64, uint8): the shift is an integer shift.

import "fmt"

func main() {
	i := uint(3)
	var c int64 = (1 << i) + 4.0
	var d uint8 = (1 << i) + 2.0
	fmt.Println(c, d)
}
