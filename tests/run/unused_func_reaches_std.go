package main

// A function nothing calls is still compiled (as gc compiles every function of the main
// package), so the GOROOT and runtime-facade functions it refers to must be compiled too: this
// was an internal compiler error ("declared function") found by the campaign. Expected output
// from Go 1.27.3's go run.

import (
	"fmt"
	"runtime"
	"strings"
)

func unused() {
	runtime.Goexit()
	fmt.Println(strings.Repeat("x", 3))
}

func main() {
	fmt.Println("ok")
}
