// nil converts to, and compares with, a type parameter whose type set holds only types with
// nil (pointers, slices, maps, chans, funcs), as crypto/internal/fips140/ecdsa needs for every
// net/http program. Expected output from Go 1.27.3 (`go run`).
package main

import "fmt"

type A struct{ x int }
type B struct{ y int }

func z[T interface{ *A | *B }]() T { return nil }

type Slice interface{ ~[]int | ~[]string }

func empty[S Slice](s S) bool { return s == nil }

func mixed[T interface {
	*A | []int | map[int]int | chan int | func()
}](v T) (T, bool) {
	var q T = nil
	q = v
	if v != nil {
		return nil, true
	}
	return q, false
}

type Names []string

func main() {
	fmt.Println(z[*A]() == nil, z[*B]() == nil)
	fmt.Println(empty([]int(nil)), empty([]int{}), empty(Names{"a"}), empty(Names(nil)))
	r, ok := mixed(&A{1})
	fmt.Println(r == nil, ok)
	s, ok := mixed([]int(nil))
	fmt.Println(s == nil, len(s), ok)
	m, ok := mixed(map[int]int{1: 2})
	fmt.Println(m == nil, ok)
	f, ok := mixed[func()](nil)
	fmt.Println(f == nil, ok)
	c, ok := mixed(make(chan int))
	fmt.Println(c == nil, ok)
}
