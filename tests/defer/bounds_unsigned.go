package main

// Issue 14: an out-of-range index or slice bound of an unsigned type is reported as gc does
// (panicIndexU, panicSliceBU, ...: printed as a uint64, never in the negative short form), for
// slices, arrays, strings and slice expressions; the last one is unrecovered. Expected output
// from Go 1.27.3.

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int{}
	str := "abc"
	u := ^uint(0)
	var u8 uint8 = 200
	var u32 uint32 = 1 << 31
	var i8 int8 = -1
	try("slice", func() { fmt.Println(s[u]) })
	try("array", func() { fmt.Println(a[u]) })
	try("string", func() { fmt.Println(str[u]) })
	try("uint8", func() { fmt.Println(s[u8]) })
	try("uint32", func() { fmt.Println(s[u32]) })
	try("int8", func() { fmt.Println(s[i8]) })
	try("lo", func() { fmt.Println(s[u:]) })
	try("hi", func() { fmt.Println(s[:u]) })
	try("str lo", func() { fmt.Println(str[u:]) })
	try("str hi", func() { fmt.Println(str[:u8]) })
	try("3 max", func() { fmt.Println(s[0:1:u]) })
	try("3 hi", func() { fmt.Println(s[:u:3]) })
	try("3 lo", func() { fmt.Println(s[u:2:3]) })
	try("array max", func() { fmt.Println(a[0:1:u8]) })
	s[u] = 1
}
