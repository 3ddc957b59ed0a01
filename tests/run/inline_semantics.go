package main

import "fmt"

// Calls gc inlines (and lower/inline.rs too): each inlined body must behave as the call it
// replaces. Expected output from Go 1.27.3.

type vec struct{ x, y, z float64 }

var calls int

func scale(v vec, k float64) vec {
	v.x *= k // the parameter is a copy: the caller's value does not change
	v.y *= k
	v.z *= k
	return v
}

func dot(a, b vec) float64 { return a.x*b.x + a.y*b.y + a.z*b.z }

func count() int {
	calls++
	return calls
}

func minmax(a, b int) (lo, hi int) {
	lo, hi = a, b
	if lo > hi {
		lo, hi = hi, lo
	}
	return
}

func sum(s []int) (t int) {
	for _, v := range s {
		t += v
	}
	return t
}

func classify(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n == 0:
		return "zero"
	}
	return "pos"
}

func shadow(x int) int {
	{
		x := x * 2
		x++
		_ = x
	}
	x += 100
	return x
}

func runes(s string) (n int) {
	for range s {
		n++
	}
	return
}

func first(m map[string]int, k string) (int, bool) {
	v, ok := m[k]
	return v, ok
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func twice(f func(int) int, x int) int { return f(f(x)) }

func withDefer(n int) (r int) {
	defer func() { r += 1000 }()
	return clamp(n, 0, 10) + sum([]int{n, n})
}

func main() {
	v := vec{1, 2, 3}
	w := scale(v, 2)
	fmt.Println(v, w, dot(v, w))
	// arguments are evaluated once, left to right
	fmt.Println(minmax(count(), count()))
	fmt.Println(minmax(9, 4))
	fmt.Println(sum([]int{1, 2, 3, 4}), sum(nil))
	for i := -1; i <= 1; i++ {
		fmt.Print(classify(i), " ")
	}
	fmt.Println()
	fmt.Println(shadow(5), runes("héllo"))
	m := map[string]int{"a": 1}
	fmt.Println(first(m, "a"))
	fmt.Println(first(m, "b"))
	total := 0
	s := []int{-5, 3, 50, 7}
	for i := range s {
		total += clamp(s[i], 0, 10)
	}
	fmt.Println(total)
	add := func(x int) int { return clamp(x+3, 0, 8) }
	fmt.Println(twice(add, 1), twice(add, 4))
	fmt.Println(withDefer(4), withDefer(40))
	x, y := minmax(clamp(20, 0, 15), sum(s))
	fmt.Println(x, y, calls)
}
