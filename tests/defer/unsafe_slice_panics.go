// unsafe.Slice/unsafe.String run-time checks (gc's unsafeslice/unsafestring): recovered
// messages, then an unrecovered one; expectation from go build + run (Go 1.27.3).
package main

import (
	"fmt"
	"unsafe"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	var np *int
	var bp *byte
	x := [2]int64{1, 2}
	n := -3
	big := 1 << 62
	try("slice neg", func() { _ = unsafe.Slice(&x[0], n) })
	try("slice nil", func() { _ = unsafe.Slice(np, 1) })
	try("slice huge", func() { _ = unsafe.Slice(&x[0], big) })
	try("slice nil zero", func() { fmt.Println(unsafe.Slice(np, 0) == nil) })
	try("string neg", func() { _ = unsafe.String(&[]byte("ab")[0], n) })
	try("string nil", func() { _ = unsafe.String(bp, 2) })
	var e struct{}
	try("zero-size", func() { fmt.Println(len(unsafe.Slice(&e, 1000))) })
	_ = unsafe.String(bp, 1)
}
