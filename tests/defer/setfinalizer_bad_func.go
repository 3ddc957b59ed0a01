package main

// runtime.SetFinalizer with a finalizer whose parameter cannot take the object is gc's fatal
// error naming both types. Expected output from Go 1.27.3.

import "runtime"

type T struct{ a, b int }

type I interface{ M() }

func main() {
	t := &T{1, 2}
	runtime.SetFinalizer(t, func(any) {})
	u := &T{3, 4}
	runtime.SetFinalizer(u, func(I) {})
	println("not reached")
}
