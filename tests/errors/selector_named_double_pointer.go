// A defined pointer type gives access to its pointee's fields, but not through a second pointer;
// a blank field can never be named in a struct literal; a local alias cannot refer to itself.
// Expectation: Go 1.27.3 `go run`.
package main

type PP **struct{ f int }

type T struct {
	_ string
	a int
}

func main() {
	var p2 PP
	p2.f = 0
	_ = T{_: "x", a: 1}
	type A = A
}
