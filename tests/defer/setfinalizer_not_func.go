package main

// runtime.SetFinalizer with a second argument that is not a function. Expected output from
// Go 1.27.3.

import "runtime"

type T struct{ a, b int }

func main() {
	runtime.SetFinalizer(&T{}, "finalizer")
	println("not reached")
}
