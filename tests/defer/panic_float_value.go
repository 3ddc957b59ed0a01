package main

// Issue 14 (fault sweep): the crash report prints a float panic value as Go 1.27's runtime
// print does (shortest 'g' form of its own width: 1.5, -0.25, 1e+21), and panic(nil)'s value
// is a runtime error "runtime error: panic called with nil argument". Expected output from
// Go 1.27.3.

import "fmt"

func main() {
	func() {
		defer func() { fmt.Println(recover()) }()
		panic(nil)
	}()
	func() {
		defer func() { fmt.Println(recover()) }()
		panic(float32(-0.25))
	}()
	println(1.5, float32(0.1), 1e21)
	panic(1e21)
}
