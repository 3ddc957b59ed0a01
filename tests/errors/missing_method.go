// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error
// (one diagnostic per line, as gc prints them).
package main

type Shape interface {
	Area() float64
	Name() string
}

type Sq struct{}

func (Sq) Name() string { return "sq" }

func main() {
	var s Shape = Sq{}
	_ = s
}
