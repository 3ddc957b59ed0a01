// Current Go (>= 1.20) says "\"os\" imported and not used"; Go 1.19 said "imported and not used: \"os\"".
// The expectation follows current Go.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hi")
}
