// Current Go (>= 1.20) says "as int value in argument to f"; Go 1.19 said "as type int in
// argument to f". The expectation follows current Go.
package main

func f(n int) int { return n }

func main() {
	f(true)
}
