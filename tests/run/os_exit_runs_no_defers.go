// os.Exit ends the program at once with its status: deferred calls do not run, output already
// written stays written. Expected output: Go 1.27.3 (tests/regen.sh).
package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("deferred: never printed")
	fmt.Println("before exit")
	fmt.Fprintln(os.Stderr, "to stderr")
	func() {
		defer fmt.Println("inner deferred: never printed")
		os.Exit(3)
	}()
	fmt.Println("after exit: never printed")
}
