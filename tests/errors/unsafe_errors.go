// unsafe builtin argument messages; expectation from go build (Go 1.27.3).
package main

import "unsafe"

type S struct{ a, b int }

func (S) M() {}

type E struct {
	*S
}

func main() {
	var s S
	var e E
	var i int
	_ = unsafe.Offsetof(i)
	_ = unsafe.Offsetof(s.M)
	_ = unsafe.Offsetof(e.b)
	_ = unsafe.Offsetof(s.c)
	_ = unsafe.Slice(i, 1)
	_ = unsafe.Slice(&i, -1)
	_ = unsafe.SliceData(i)
	_ = unsafe.String(&i, 1)
}
