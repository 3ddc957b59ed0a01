// Current Go (>= 1.20) says "as string value in assignment"; Go 1.19 said "as type string in
// assignment". The expectation follows current Go.
package main

func main() {
	x := 5
	var s string
	s = x
	_ = s
}
