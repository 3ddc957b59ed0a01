// Precise stack liveness: an object whose last pointer is dead (in an SSA value or a spill
// slot) is collected although the frame that held it is still running; a pointer passed as
// uintptr(unsafe.Pointer(p)) to a uintptrescapes function stays alive until the call returns.
// Expected output: Go 1.27.3 `go run`.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type node struct {
	id   int
	next *node
	pad  [6]int
}

var finalized = map[int]bool{}

func track(id int) *node {
	n := &node{id: id}
	runtime.SetFinalizer(n, func(n *node) { finalized[n.id] = true })
	return n
}

// collect runs the collector and lets the finalizer goroutine run.
func collect() {
	for i := 0; i < 4; i++ {
		runtime.GC()
		runtime.Gosched()
	}
}

// deadValue: the pointer lives in a register or spill slot only until its last use.
func deadValue() {
	n := track(1)
	fmt.Println("use", n.id)
	collect()
	fmt.Println("dead value finalized:", finalized[1])
}

// liveValue: still used after the collection, so it must survive it.
func liveValue() {
	n := track(2)
	collect()
	fmt.Println("live value finalized:", finalized[2], n.id)
	runtime.KeepAlive(n)
}

//go:uintptrescapes
//go:noinline
func useLater(p uintptr) int {
	collect()
	return (*node)(unsafe.Pointer(p)).id
}

// uintptrArg: the node is referenced only through the uintptr argument during the call.
func uintptrArg() {
	id := useLater(uintptr(unsafe.Pointer(track(4))))
	fmt.Println("uintptr argument alive during the call:", id == 4 && !finalized[4])
}

func main() {
	deadValue()
	liveValue()
	uintptrArg()
}
