// Start-up probe: hello world through fmt (the modelled fmt, or GOROOT's with GOJIT_FMT=goroot).
// `go run` prints `hello, world 42` on stdout.
package main

import "fmt"

func main() { fmt.Println("hello, world", 42) }
