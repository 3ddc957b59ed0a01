// Current Go (>= 1.20) reports "declared and not used: y"; Go 1.19 said "y declared but not used".
// The expectation follows current Go.
package main

func main() {
	f := func() {
		y := 2
	}
	f()
}
