// Current Go (>= 1.20) reports "declared and not used: x"; Go 1.19 said "x declared but not used".
// The expectation follows current Go.
package main

func main() {
	x := 1
}
