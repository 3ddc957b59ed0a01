package main

// runtime.SetFinalizer twice on one object without clearing it is gc's fatal error; a nil
// finalizer clears it, after which a new one may be set. Expected output from Go 1.27.3.

import "runtime"

type T struct{ a, b int }

func main() {
	t := &T{1, 2}
	runtime.SetFinalizer(t, func(*T) {})
	runtime.SetFinalizer(t, nil)
	runtime.SetFinalizer(t, func(*T) {})
	println("set again after clearing")
	runtime.SetFinalizer(t, func(*T) {})
	println("not reached")
}
