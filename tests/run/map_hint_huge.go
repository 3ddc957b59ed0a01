package main

// Issue 14: a make(map) size hint is only a hint; a huge one does not exhaust memory.
// Expected output from Go 1.27.3.

import "fmt"

func main() {
	m := make(map[int]int, 1<<62)
	m[1] = 2
	n := 1 << 40
	m2 := make(map[string][]int, n)
	m2["a"] = []int{1}
	for i := 0; i < 1000; i++ {
		m[i] = i * i
	}
	fmt.Println(len(m), m[1], m[999], len(m2), m2["a"])
}
