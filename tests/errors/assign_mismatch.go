// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error.
package main

func main() {
	x := 5
	var s string
	s = x
	_ = s
}
