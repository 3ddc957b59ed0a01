package main

// Issue 14 (fault sweep): looking up or deleting an unhashable key in a nil or empty map panics
// with gc's `hash of unhashable type: T` (maps.mapKeyError), an assignment or a lookup in a
// non-empty map with `runtime error: hash of unhashable type T`. Expected output from Go 1.27.3.

import "fmt"

type S struct {
	a int
	b interface{}
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isErr := r.(error)
		fmt.Println(name, r, isErr)
	}()
	f()
}

func main() {
	var nilm map[interface{}]int
	m := map[interface{}]int{}
	try("nil lookup", func() { fmt.Println(nilm[[]int{}]) })
	try("empty lookup", func() { fmt.Println(m[[]int{}]) })
	try("empty delete", func() { delete(m, map[int]int{}) })
	try("nested", func() { fmt.Println(m[S{1, func() {}}]) })
	try("assign", func() { m[[]int{}] = 1 })
	m[1] = 1
	try("lookup", func() { fmt.Println(m[[]int{}]) })
	try("delete", func() { delete(m, []int{}) })
}
