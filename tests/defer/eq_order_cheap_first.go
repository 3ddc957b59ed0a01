// Struct and array equality compares the cheap parts first, as gc's generated equality
// (cmd/compile/internal/compare.EqStruct, geneq): other fields and string lengths before string
// contents, dynamic types before interface data, so values differing in a cheap part compare
// unequal without reading string bytes, here in an inaccessible page (as fixedbugs/issue8606b).
// Expected output: Go 1.27.3.
package main

import (
	"fmt"
	"syscall"
	"unsafe"
)

type SI struct {
	s string
	i int
}

type SS struct {
	s string
	t string
}

type SE struct {
	s string
	e any
	n int
}

func main() {
	p := syscall.Getpagesize()
	b, err := syscall.Mmap(-1, 0, p, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	if err := syscall.Mprotect(b, syscall.PROT_NONE); err != nil {
		panic(err)
	}
	bad1 := unsafe.String(&b[0], 3)
	bad2 := unsafe.String(&b[1], 3)
	tests := []struct{ a, b any }{
		{SI{s: bad1, i: 1}, SI{s: bad2, i: 2}},
		{SS{s: bad1, t: "a"}, SS{s: bad2, t: "aa"}},
		{SS{s: "a", t: bad1}, SS{s: "b", t: bad2}},
		{[2]string{bad1, "x"}, [2]string{bad2, "xy"}},
		{SE{s: "a", e: 1, n: 1}, SE{s: "a", e: 1, n: 2}},
		{SE{s: "a", e: 1, n: 1}, SE{s: "a", e: 1, n: 1}},
	}
	for i, t := range tests {
		fmt.Println(i, t.a == t.b)
	}
	// the same comparisons in compiled code (not through interfaces)
	x, y := SI{s: bad1, i: 1}, SI{s: bad2, i: 2}
	u, v := SS{s: bad1, t: "a"}, SS{s: bad2, t: "aa"}
	w, z := SS{s: "a", t: bad1}, SS{s: "b", t: bad2}
	a, c := [2]string{bad1, "x"}, [2]string{bad2, "xy"}
	fmt.Println(x == y, u == v, w == z, a == c, x != y)
	// arrays of interfaces compare element by element: the uncomparable first element panics
	// although the second's dynamic types differ (fixedbugs/issue8606)
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(any([2]any{[]byte{1}, 1}) == any([2]any{[]byte{1}, "2"}))
	}()
	// an uncomparable dynamic type panics only when reached: the string length differs first
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		fmt.Println(SE{s: "a", e: []int{}} == SE{s: "ab", e: []int{}})
		fmt.Println(any(SE{s: "a", e: []int{}}) == any(SE{s: "a", e: []int{}}))
	}()
}
