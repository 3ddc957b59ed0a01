package main

import "fmt"

func minI(a ...int) int {
	m := a[0]
	for _, v := range a[1:] {
		if v < m {
			m = v
		}
	}
	return m
}

func maxI(a ...int) int {
	m := a[0]
	for _, v := range a[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func minF(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

func maxF(a ...float64) float64 {
	m := a[0]
	for _, v := range a[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func minS(a ...string) string {
	m := a[0]
	for _, v := range a[1:] {
		if v < m {
			m = v
		}
	}
	return m
}

func maxS(a ...string) string {
	m := a[0]
	for _, v := range a[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func maxU8(a, b uint8) uint8 {
	if a > b {
		return a
	}
	return b
}

func minU8(a, b uint8) uint8 {
	if a < b {
		return a
	}
	return b
}

func minI8(a, b int8) int8 {
	if a < b {
		return a
	}
	return b
}

func main() {
	fmt.Println(minI(3, 1, 2), maxI(3, 1, 2), minI(5), maxI(-1, -7))
	a, b := 10, 20
	fmt.Println(minI(a, b), maxI(a, b), minI(a, b, 15, -4))
	x, y := 2.5, -1.25
	fmt.Println(minF(x, y), maxF(x, y, 0))
	fmt.Println(minS("banana", "apple", "cherry"), maxS("banana", "apple", "cherry"))
	var u8 uint8 = 200
	fmt.Println(maxU8(u8, 100), minU8(u8, 255))
	const c = 2.5
	fmt.Println(c)
	var i8 int8 = -5
	fmt.Printf("%T %v\n", minI8(i8, 3), minI8(i8, 3))
	s := ""
	fmt.Printf("%q\n", minS(s, "z"))
}
