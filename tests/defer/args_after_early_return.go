package main

import "fmt"

// A frame's traceback arguments when its early-return path stores no argument image
// (lower/entry_sink.rs moves the stores to the paths that can fault or call): the path that
// panics still prints the words as passed. Expected output from Go 1.27.3.

//go:noinline
func div(a, b int) int {
	if a < 0 {
		return b
	}
	return a / b
}

//go:noinline
func at(s []int, i int, tag string) int {
	if i < 0 {
		return len(tag)
	}
	x := div(i, len(s)-i)
	return s[i] + x
}

func main() {
	fmt.Println(div(-1, 7), at([]int{1, 2}, -3, "xy"))
	fmt.Println(at([]int{1, 2, 3}, 1, "ab"))
	fmt.Println(at([]int{1, 2, 3}, 3, "cd"))
}
