package main

import "fmt"

// Calls of functions that open with a pure guard, `if cond { return rs }`, whose guard
// lower/inline.rs (`try_guard_call`) lowers in the caller before calling the rest: each must
// behave as the plain call. Expected output from Go 1.27.3.

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

// The recursive call swaps the parameters: the guard binds the callee's own parameter objects
// (the caller's a and b) to the arguments, and the caller's must come back for the next call.
func gcd(a, b int) int {
	if b == 0 {
		return a
	}
	r := gcd(b, a%b)
	return r + 0*gcd(b, a%b)
}

var limit = 3
var bumps int

func bump() int {
	bumps++
	limit++
	return bumps
}

// The guard reads a package variable the argument's evaluation changes: the argument first.
func capped(x int) int {
	if x > limit {
		return limit
	}
	fmt.Println("capped body", x, limit)
	return x * 10
}

// Several results, a conversion and a constant in the guard's results.
func split(x int, y float64) (float64, int, bool) {
	if x < 0 && y != 0 {
		return float64(x) * y, -x, false
	}
	return y, x, true
}

// No results: the guard's bare return skips the call entirely.
var walked []int

func walk(n int) {
	if n == 0 {
		return
	}
	walked = append(walked, n)
	walk(n - 1)
}

type node struct {
	left, right *node
	v           int
}

// A pointer compared with nil is a pure guard; the body's dereferences are not.
func sum(t *node) int {
	if t == nil {
		return 0
	}
	return t.v + sum(t.left) + sum(t.right)
}

// Narrow words and unsigned compares.
func clamp8(x uint8, hi uint8) uint8 {
	if x > hi {
		return hi
	}
	fmt.Println("clamp8 body", x)
	return x + 1
}

// A string parameter (two words) returned by the guard.
func firstNonEmpty(s, alt string, n int) string {
	if n == 0 {
		return alt
	}
	return firstNonEmpty(s+"!", s, n-1)
}

// Named results are never guard-inlined (a bare return reads them); still correct.
func named(x int) (r int) {
	if x == 0 {
		return
	}
	r = named(x-1) + x
	return
}

// An interface comparison may panic (uncomparable dynamic types): never a guard, still correct.
func same(a, b any, n int) bool {
	if a == b {
		return true
	}
	return n > 0 && same(b, a, n-1)
}

func main() {
	fmt.Println(fib(0), fib(1), fib(2), fib(20))
	fmt.Println(gcd(84, 36), gcd(17, 5), gcd(5, 0))
	fmt.Println(capped(bump()), capped(bump()+10), bumps, limit)
	a, b, c := split(-3, 1.5)
	fmt.Println(a, b, c)
	a, b, c = split(-3, 0)
	fmt.Println(a, b, c)
	a, b, c = split(4, 2.25)
	fmt.Println(a, b, c)
	walk(0)
	walk(4)
	fmt.Println(walked)
	t := &node{&node{nil, &node{v: 3}, 2}, &node{v: 4}, 1}
	fmt.Println(sum(t), sum(nil))
	fmt.Println(clamp8(250, 200), clamp8(7, 200))
	fmt.Println(firstNonEmpty("a", "z", 0), firstNonEmpty("a", "z", 3))
	fmt.Println(named(0), named(10))
	fmt.Println(same(1, 1, 2), same("x", 2, 3), same(nil, nil, 0))
	f := fib // a func value: an ordinary call
	fmt.Println(f(10))
}
