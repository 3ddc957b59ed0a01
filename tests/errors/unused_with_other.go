// Current Go (>= 1.20) says "declared and not used: x"; Go 1.19 said "x declared but not used".
// The expectation follows current Go.
package main

func main() {
	x := 1
	y := undefinedY
}
