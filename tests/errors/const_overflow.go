// Current Go (>= 1.20) says "as int8 value in variable declaration (overflows)"; Go 1.19 said
// "cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)" or a
// variant; the expectation follows current Go.
package main

func main() {
	var b int8 = 300
	_ = b
}
