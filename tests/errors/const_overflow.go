// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error
// (one diagnostic per line, as gc prints them).
package main

func main() {
	var b int8 = 300
	_ = b
}
