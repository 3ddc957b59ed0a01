// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error.
package main

type T struct{}

func (T) M() {}
func (T) M() {}

func main() {}
