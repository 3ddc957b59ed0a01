package main

// runtime.SetFinalizer's checks are fatal errors (gc's throw): a first argument that is not a
// pointer. Expected output from Go 1.27.3.

import "runtime"

func main() {
	println("before")
	runtime.SetFinalizer(42, func(int) {})
	println("not reached")
}
