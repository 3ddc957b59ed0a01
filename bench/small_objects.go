package main

import "fmt"

// 10^8 small short-lived heap objects (16 bytes each, one kept at a time): with a collector the
// program runs in a few MB (target < 64 MB RSS); without one it needs 1.6 GB.
type node struct {
	next *node
	v    int
}

var sink *node

func main() {
	sum := 0
	for i := 0; i < 100000000; i++ {
		n := &node{v: i}
		sink = n
		sum += n.v & 7
	}
	fmt.Println(sum)
}
