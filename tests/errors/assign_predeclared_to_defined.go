// A value of a predeclared type is not assignable to a defined type with the same underlying type:
// both have names (go/types' hasName). Expectation: Go 1.27.3 `go run`.
package main

type T int

type B bool

func main() {
	x := int(1)
	var v T = x
	var t T = int(0)
	var b B = 1 == 1 // an untyped bool: assignable
	var c B = bool(true)
	println(v, t, b, c)
}
