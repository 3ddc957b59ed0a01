package main

// //line directives at the start of a line set the position of the next line (gc's
// position bases): without a column only file:line is printed; an empty name keeps the
// previous one.

//line other.go:20
var x int = "a"

//line :40:5
var y int = "b"

func main() {
	var z int = "c"
}
