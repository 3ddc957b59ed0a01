// package unsafe: Sizeof/Alignof/Offsetof (amd64), Add, Slice, String, StringData, SliceData, Pointer conversions; expectation from go run (Go 1.27.3).
package main

import (
	"fmt"
	"unsafe"
)

type Inner struct {
	a byte
	b int64
}

type T struct {
	x  int8
	y  int32
	s  string
	sl []int
	c  complex64
	i  interface{}
	m  map[int]int
	Inner
	z [3]int16
}

func main() {
	var t T
	fmt.Println(unsafe.Sizeof(t), unsafe.Alignof(t), unsafe.Offsetof(t.y), unsafe.Offsetof(t.s), unsafe.Offsetof(t.sl))
	fmt.Println(unsafe.Offsetof(t.c), unsafe.Offsetof(t.i), unsafe.Offsetof(t.m), unsafe.Offsetof(t.b), unsafe.Offsetof(t.z))
	fmt.Println(unsafe.Sizeof(1), unsafe.Sizeof(1.5), unsafe.Sizeof("s"), unsafe.Sizeof(1i), unsafe.Sizeof(true), unsafe.Alignof(t.c))
	const k = unsafe.Sizeof(int32(0)) * 2
	var arr [k]byte
	fmt.Println(len(arr), k)

	x := [4]int32{10, 20, 30, 40}
	p := unsafe.Pointer(&x[0])
	p2 := (*int32)(unsafe.Add(p, 8))
	fmt.Println(*p2)
	u := uintptr(p) + 4
	fmt.Println(*(*int32)(unsafe.Pointer(u)))
	s := unsafe.Slice(&x[1], 3)
	fmt.Println(s, len(s), cap(s))
	b := []byte("hello")
	str := unsafe.String(&b[0], 4)
	fmt.Println(str, len(str))
	d := unsafe.StringData("abc")
	fmt.Println(*d, *unsafe.SliceData(s))
	f := 1.5
	bits := *(*uint64)(unsafe.Pointer(&f))
	fmt.Printf("%x\n", bits)
	var np *int
	fmt.Println(unsafe.Slice(np, 0) == nil, len(unsafe.String(nil, 0)))
	defer func() { fmt.Println("recovered:", recover()) }()
	n := -1
	_ = unsafe.Slice(&x[0], n)
}
