package main

// Issue 14: a block too big for the address space ends the program with gc's out-of-memory
// report (`runtime: out of memory: cannot allocate N-byte block (M in use)`, whose M is the
// heap's size and not pinned here, then `fatal error: out of memory`, exit 2), no deferred call
// running. Expected output from Go 1.27.3.

import "fmt"

func main() {
	defer fmt.Println("deferred: not printed")
	fmt.Println("start")
	n := 1 << 47
	s := make([]byte, n)
	fmt.Println(len(s))
}
