// Current Go (>= 1.20) says "expected }"; Go 1.19 said "expecting }". The expectation follows
// current Go.
package main

import "fmt"

func main() {
	if true {
		fmt.Println("x")
}
