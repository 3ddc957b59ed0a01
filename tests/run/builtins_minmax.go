package main

import "fmt"

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(5), max(-1, -7))
	a, b := 10, 20
	fmt.Println(min(a, b), max(a, b), min(a, b, 15, -4))
	x, y := 2.5, -1.25
	fmt.Println(min(x, y), max(x, y, 0))
	fmt.Println(min("banana", "apple", "cherry"), max("banana", "apple", "cherry"))
	var u8 uint8 = 200
	fmt.Println(max(u8, 100), min(u8, 255))
	const c = max(1, 2.5, 2)
	fmt.Println(c)
	var i8 int8 = -5
	fmt.Printf("%T %v\n", min(i8, 3), min(i8, 3))
	s := ""
	fmt.Printf("%q\n", min(s, "z"))
}
