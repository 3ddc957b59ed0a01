package main

import "fmt"

// A panic in the body of a function whose guard lower/inline.rs lowers in its callers
// (`try_guard_call`): the guard is no frame, the calls are, so the traceback shows every
// recursive frame at its call's line, as under gc. Expected output from Go 1.27.3.

func depth(s []int, i int) int {
	if i < 0 {
		return 0
	}
	v := s[i%4]
	fmt.Println("at", i, v)
	return v + depth(s, i-2)
}

func main() {
	s := []int{1, 2, 3}
	fmt.Println(depth(s, 2), depth(s, -1))
	fmt.Println(depth(s, 5))
}
