package main

// gojit's own limitation (no gc reference; Go 1.27.3 accepts this file): //go:linkname is rejected
// in source packages. gojit has no linker symbols to alias: ignoring the directive ran a
// linknamed variable as a fresh one (a wrong result: Go's test/fixedbugs/issue42401) and left a
// linknamed function without a body.

import _ "unsafe"

//go:linkname nanotime runtime.nanotime
func nanotime() int64

func main() { println(nanotime() > 0) }
