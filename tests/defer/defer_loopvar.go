// expected output from a Go 1.19 equivalent: Go 1.22 per-iteration loop variables emulated with
// an explicit `i := i` copy (see tests/go119/defer_loopvar.go).
package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure sees", i) }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("argument", i)
	}
	for _, s := range []string{"a", "b"} {
		defer func() { fmt.Println("range var", s) }()
	}
	fmt.Println("returning")
}
