package main

import "fmt"

// Panics inside inlined calls (lower/inline.rs): gc inlines at, mid and checked into their
// callers and prints each inlined frame as `main.at(...)` at the body's line above its caller
// at the call's line; gojit inlines the same calls and must print the same frames. A recover in
// the caller's deferred function still stops a panic raised by inlined code. Expected output
// from Go 1.27.3.

type pair struct{ a, b int }

func at(s []int, i int) int {
	return s[i]
}

func mid(s []int, i int) int {
	return at(s, i) * 2
}

func checked(p pair, i int) (r int, ok bool) {
	if i < 0 {
		return
	}
	p.a += i
	r = mid([]int{p.a, p.b}, i)
	ok = true
	return
}

func safe(s []int, i int) (v int) {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered:", e)
			v = -1
		}
	}()
	return mid(s, i) + 1
}

func main() {
	s := []int{5, 6, 7}
	p := pair{1, 2}
	r, ok := checked(p, 1)
	fmt.Println(r, ok, p)
	r, ok = checked(p, -1)
	fmt.Println(r, ok)
	fmt.Println(safe(s, 2), safe(s, 3))
	fmt.Println(checked(p, 2))
}
