package main

import "fmt"

func main() {
	fmt.Println("stdout line")
	println("hello", 42, true, -7)
	print("no newline ", 3, "\n")
	println(3.5, 1e20, -0.25)
	var i8 int8 = -3
	var u uint64 = 18446744073709551615
	println(i8, u, 'x', "")
	println()
	print("a", "b", 1, 2, "\n")
	var f32 float64 = 100
	println(f32)
	var p *int
	println(p == nil, nil == p)
	fmt.Println("done")
}
