// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error.
package main

func main() {
	s := "abc"
	s[0] = 'x'
}
