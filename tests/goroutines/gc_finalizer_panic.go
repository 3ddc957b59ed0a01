package main

// An unrecovered panic in a finalizer ends the program as in gc: `panic: V` from the finalizer
// goroutine, exit status 2 (gc then prints that goroutine's traceback). Expected output from
// Go 1.27.3.
//
// main then blocks for good instead of yielding a fixed number of times (under GOJIT_GCSTRESS the
// finalizer's Errorf, a collection at every allocation, may outlast any fixed number of yields);
// had the finalizer not run, the program would end in a deadlock report instead.

import (
	"fmt"
	"runtime"
)

type T struct{ a, b int }

//go:noinline
func drop() {
	runtime.SetFinalizer(&T{1, 2}, func(t *T) { panic(fmt.Errorf("finalizer of T{%d, %d}", t.a, t.b)) })
}

func main() {
	drop()
	fmt.Println("collecting")
	runtime.GC()
	select {}
}
