package main

// A //go:linkname directive in a file that does not import "unsafe" is gc's compile error
// (gojit reports it before its own rejection of the directive; expectation from Go 1.27.3).

//go:linkname local main.other
var local int

func main() { println(local) }
