// The module is at go1.22; a file whose //go:build line needs go1.27 is checked at go1.27, so
// its generic methods are accepted (expected output from Go 1.27.3: `go run .`).
package main

import "fmt"

func main() {
	b := Box[int]{v: 4}
	fmt.Println(b.Pair[string]("four"))
	fmt.Println(Box[string]{v: "k"}.Pair[float64](1.5))
}
