// Current Go (>= 1.20) reports "declared and not used: v"; Go 1.19 said "v declared but not used".
// The expectation follows current Go.
package main

import "fmt"

func main() {
	for i, v := range []int{1, 2} {
		fmt.Println(i)
	}
}
