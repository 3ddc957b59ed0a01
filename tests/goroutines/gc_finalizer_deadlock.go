package main

// The finalizer goroutine is a system goroutine, as gc's: NumGoroutine does not count it and a
// program whose other goroutines all block is still a deadlock (the waiting finalizer goroutine
// is not listed). Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
)

type T struct{ a, b int }

//go:noinline
func drop() {
	runtime.SetFinalizer(&T{1, 2}, func(t *T) { fmt.Println("finalized", t.a, t.b) })
}

func main() {
	drop()
	fmt.Println("goroutines", runtime.NumGoroutine())
	runtime.GC()
	for i := 0; i < 1000; i++ {
		runtime.Gosched()
	}
	fmt.Println("goroutines", runtime.NumGoroutine())
	c := make(chan int)
	<-c
}
