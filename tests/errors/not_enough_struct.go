// Current Go (>= 1.20) says "too few values in struct literal of type P"; Go 1.19 said
// "too few values in P{…}". The expectation follows current Go.
package main

type P struct{ X, Y int }

func main() {
	p := P{1}
	_ = p
}
