package main

// Issue 12: the pointer mask (GCData) of a recursive type whose descriptor is first reached
// through a pointer to it (*lnode before lnode) marks every pointer field; the collector, which
// scans heap objects with these masks, keeps the whole list alive. Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
	"unsafe"
)

type lnode struct {
	next *lnode
	val  int
	name string
	kids [2]*lnode
}

type rtype struct {
	Size_       uintptr
	PtrBytes    uintptr
	Hash        uint32
	TFlag       uint8
	Align_      uint8
	FieldAlign_ uint8
	Kind_       uint8
	Equal       func(unsafe.Pointer, unsafe.Pointer) bool
	GCData      *byte
	Str         int32
	PtrToThis   int32
}

type ptrType struct {
	rtype
	Elem *rtype
}

type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

func main() {
	var x any = (*lnode)(nil)
	pt := (*ptrType)(unsafe.Pointer((*eface)(unsafe.Pointer(&x)).typ))
	t := pt.Elem
	fmt.Printf("size=%d ptrbytes=%d gcdata=%08b\n", t.Size_, t.PtrBytes, *t.GCData)
	var head *lnode
	for i := 0; i < 20000; i++ {
		head = &lnode{next: head, val: i, name: fmt.Sprint(i)}
		head.kids[1] = head.next
	}
	runtime.GC()
	for i := 0; i < 20000; i++ {
		_ = &lnode{val: -1, name: "garbage"}
	}
	sum, n := 0, 0
	for p := head; p != nil; p = p.kids[1] {
		sum += p.val
		n++
	}
	fmt.Println(n, sum, head.name, head.next.name)
}
