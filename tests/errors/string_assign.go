// Current Go (>= 1.20) says "neither addressable nor a map index expression"; Go 1.19 said
// "(value of type byte)". The expectation follows current Go.
package main

func main() {
	s := "abc"
	s[0] = 'x'
}
