package main

import "fmt"

// A panic inside an inlined generic instance (lower/inline.rs): gc inlines at into get and
// get into main and prints each inlined frame as `main.at[...](...)`; gojit inlines the same
// calls and must print the same frames. Expected output from Go 1.27.3.

func at[T any](s []T, i int) T {
	return s[i]
}

func get[T any](s []T, i int) T {
	return at(s, i+1)
}

func main() {
	s := []string{"a", "b", "c"}
	fmt.Println(get(s, 0), get([]int{4, 5}, 0))
	fmt.Println(get(s, 2))
}
