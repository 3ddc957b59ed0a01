package main

// Go 1.25+ crash reports fold a re-panic of the identical value (same interface type and data
// word, as `panic(recover())` gives) into its recovered predecessor's line:
// `panic: X [recovered, repanicked]`. A different value (here a new error with the same text)
// keeps both lines. Expected output from Go 1.27.3.

import (
	"errors"
	"fmt"
)

var errBoom = errors.New("boom")

func again() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(r)
	}()
	panic(errBoom)
}

func other() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		panic(errors.New("boom"))
	}()
	panic(errBoom)
}

func main() {
	func() {
		defer func() { fmt.Println("outer:", recover()) }()
		other()
	}()
	again()
}
