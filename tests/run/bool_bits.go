package main

import "fmt"

func t(name string, v bool) bool {
	fmt.Println("eval", name)
	return v
}

func main() {
	a, b := true, false
	fmt.Println(a && b, a || b, !a, !b, a == b, a != b)
	if t("x", false) && t("y", true) {
		fmt.Println("no")
	}
	if t("p", true) || t("q", true) {
		fmt.Println("yes")
	}
	var x uint8 = 0b10101100
	var y uint8 = 0b11110000
	fmt.Printf("%08b %08b %08b %08b %08b\n", x&y, x|y, x^y, x&^y, ^x)
	var i int = 0x0F0F
	fmt.Println(i&0xFF, i|0x1000, i^0xFFFF, i&^0x0F00, ^i, -i)
	var s int8 = 5
	fmt.Println(^s, -s, +s)
	x &= 0x0F
	fmt.Println(x)
	x |= 0x80
	fmt.Println(x)
	x ^= 0xFF
	fmt.Println(x)
	x &^= 0x70
	fmt.Println(x)
	fmt.Printf("%t %v\n", 3 > 2, 2 >= 3)
	var flags [4]bool
	flags[2] = true
	fmt.Println(flags)
}
