// Inference from untyped constant arguments of mixed kinds picks the largest kind's default
// type: int < rune < float64 < complex128 (fixedbugs/issue58671.go).
// Expected output from Go 1.27.3.
package main

import "fmt"

func g[P any](xs ...P) P {
	var zero P
	for _, x := range xs {
		zero = x
	}
	return zero
}

func main() {
	a, b, c, d := g(1, 2), g(1, 'a'), g(1, 'a', 2.5), g(2.5, 'a', 1i)
	fmt.Printf("%T %v, %T %v, %T %v, %T %v\n", a, a, b, b, c, c, d, d)
}
