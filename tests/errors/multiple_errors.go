// The expectation is Go 1.27.3's `go build` output (tests/regen.sh regenerates it); the
// case checks gojit's wording, position and order of gc's diagnostics for this error.
package main

import "fmt"

func a() int {
	return undefinedA
}

func b() string {
	var n int = 1
	return n
}

func main() {
	fmt.Println(a(), b(), undefinedC)
}
