// A byte order mark inside a string literal is rejected like anywhere after the start of the
// file (expectation from Go 1.27.3).
package main

import "fmt"

func main() {
	fmt.Println("a﻿b")
}
