package main

// Package variables live in the first 256 MB of the address space, as gc's linker places them
// (Go's test/nilptr.go relies on it), and a nil pointer indexed at a big offset panics by an
// explicit check instead of reading whatever is mapped there. Expectation: Go 1.27.3.
import (
	"fmt"
	"unsafe"
)

var dummy [256 << 20]byte
var small int

type big struct {
	pad [512 << 20]byte
	x   int
}

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	fmt.Println(uintptr(unsafe.Pointer(&dummy)) < 256<<20, uintptr(unsafe.Pointer(&small)) < 256<<20)
	var p *[1 << 30]byte
	var q *big
	try("index", func() { println(p[uintptr(unsafe.Pointer(&dummy))+10]) })
	try("field", func() { println(q.x) })
	try("store", func() { q.x = 1 })
	try("addr", func() { println(&q.x != nil) })
	dummy[len(dummy)-1] = 7
	fmt.Println(dummy[len(dummy)-1], small)
}
