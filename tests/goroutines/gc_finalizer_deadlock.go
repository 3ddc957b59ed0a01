package main

// The finalizer goroutine is a system goroutine, as gc's: NumGoroutine does not count it and a
// program whose other goroutines all block is still a deadlock (the waiting finalizer goroutine
// is not listed). Expected output from Go 1.27.3.
//
// main waits for the finalizer on a channel rather than yielding a fixed number of times: at several
// Ps the finalizer goroutine may run on another M, and under GOJIT_GCSTRESS (a collection at every
// allocation) its Println takes longer than any fixed number of Gosched calls.

import (
	"fmt"
	"runtime"
)

type T struct{ a, b int }

var done = make(chan bool, 1)

//go:noinline
func drop() {
	runtime.SetFinalizer(&T{1, 2}, func(t *T) { fmt.Println("finalized", t.a, t.b); done <- true })
}

func main() {
	drop()
	fmt.Println("goroutines", runtime.NumGoroutine())
	runtime.GC()
	<-done
	fmt.Println("goroutines", runtime.NumGoroutine())
	c := make(chan int)
	<-c
}
