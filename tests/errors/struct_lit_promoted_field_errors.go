// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it): promoted
// fields in struct literals (Go 1.27) through a pointer, repeated, or with their embedded field.
package main

type In struct{ a, b int }
type Out struct {
	In
	c int
}
type X struct{ a int }
type Amb struct {
	In
	X
}
type P struct {
	*In
	d int
}

func main() {
	o := Out{a: 1, In: In{}}
	p := Out{In: In{}, b: 1}
	q := Out{a: 1, a: 2}
	r := Amb{a: 1}
	s := P{a: 1}
	_, _, _, _, _ = o, p, q, r, s
}
