// runtime.MemProfileRate is gc's variable, settable and read back (Go's chan/select2.go sets it
// to 0 before measuring MemStats); it starts at 0 in a program that does not link
// runtime.MemProfile (gc's disableMemoryProfiling). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.MemProfileRate)
	runtime.MemProfileRate = 0
	fmt.Println(runtime.MemProfileRate)
	p := &runtime.MemProfileRate
	*p = 4096
	fmt.Println(runtime.MemProfileRate)
}
