// Converting a slice to an array or array pointer checks the length (panic "cannot convert slice
// with length L to array or pointer to array with length N"), shares the backing array for the
// pointer form and copies for the array form; a nil slice gives a nil *[0]T. The conversion was
// not lowered at all (gosweep convert4.go). Expected output from Go 1.27.3.
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

type Int4 [4]int
type PInt4 *[4]int

var ss = make([]string, 10)
var s5 = (*[5]string)(ss)

func main() {
	s := make([]byte, 8, 10)
	for i := range s {
		s[i] = byte(i)
	}
	p := (*[8]byte)(s)
	a := [8]byte(s)
	p[0] = 100
	fmt.Println(&p[0] == &s[0], a, s[0], *p)
	try("ptr9", func() { _ = (*[9]byte)(s) })
	try("arr9", func() { _ = [9]byte(s) })
	try("arr9 kept", func() { x := [9]byte(s[:]); fmt.Println(x) })
	var ps *[]byte
	try("deref", func() { _ = [0]byte(*ps) })
	var n []byte
	fmt.Println((*[0]byte)(n) == nil, [0]byte(n))
	z := make([]byte, 0)
	fmt.Println((*[0]byte)(z) == nil)
	ii := []int{1, 2, 3, 4, 5}
	q := (*Int4)(ii)
	r := PInt4(ii[1:])
	q[3] = 40
	fmt.Println(*q, *r, Int4(ii[1:]))
	s5[2] = "two"
	fmt.Println(ss[2], len(s5))
	try("sub", func() { _ = (*[3]int)(ii[3:]) })
}
