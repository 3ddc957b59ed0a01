// gojit does not support package unsafe: expected first diagnostic is gojit's own, at the import path.
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	var x int
	fmt.Println(unsafe.Sizeof(x))
}
