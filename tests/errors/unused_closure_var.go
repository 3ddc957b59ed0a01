// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error.
package main

func main() {
	f := func() {
		y := 2
	}
	f()
}
