package main

// Issue 14 (fault sweep): converting a slice to an array or array pointer checks the length
// (it used to read past the slice's end). Expected output from Go 1.27.3.

import "fmt"

func try(name string, f func()) {
	defer func() {
		fmt.Println(name, recover())
	}()
	f()
}

func main() {
	s := []int{1, 2, 3, 4}
	try("array", func() { fmt.Println([3]int(s)) })
	try("pointer", func() { p := (*[4]int)(s); p[0] = 9; fmt.Println(*p, s[0]) })
	try("nil to empty", func() { var n []int; fmt.Println((*[0]int)(n) == nil, [0]int(n)) })
	try("short array", func() { fmt.Println([5]int(s)) })
	try("short pointer", func() { fmt.Println((*[5]int)(s[:2])) })
	a := [2]string(make([]string, 1))
	fmt.Println(a)
}
