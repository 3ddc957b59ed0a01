// Current Go (>= 1.20) says "unexpected keyword else, expected }"; Go 1.19 said "unexpected else,
// expecting }". The expectation follows current Go.
package main

func main() {
	x := 1
	if x > 0 {
		x++
	}
	else {
		x--
	}
}
