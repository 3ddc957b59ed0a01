// runtime.Version: the release of the Go tree the program was built with (gojit: the GOROOT it
// compiled the standard library from; the corpus runs against Go 1.27.3, as gc here).
// runtime/debug (which calls it for BuildInfo) compiles from GOROOT. Expected output: Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func main() {
	fmt.Println(runtime.Version())
	old := debug.SetGCPercent(50)
	fmt.Println(old, debug.SetGCPercent(old))
}
