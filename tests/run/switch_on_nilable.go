// A switch on a map, slice or func value is valid; its cases can only be nil.
// Expectation: Go 1.27.3 `go run`.
package main

import "fmt"

func kind(m map[int]int, s []int, f func()) string {
	r := ""
	switch m {
	case nil:
		r += "nil-map "
	default:
		r += "map "
	}
	switch s {
	case nil:
		r += "nil-slice "
	}
	switch f {
	case nil:
		r += "nil-func"
	default:
		r += "func"
	}
	return r
}

func main() {
	fmt.Println(kind(nil, nil, nil))
	fmt.Println(kind(map[int]int{}, []int{}, func() {}))
}
