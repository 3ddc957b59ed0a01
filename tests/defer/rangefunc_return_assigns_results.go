package main

// A `return x` inside a range-over-func body assigns the function's results at once, as gc's
// rewrite does (it names unnamed results): a deferred call sees the value even when the
// iterator misbehaves afterwards, and a recovery makes the function return it. Found by the
// fuzz campaign (seed 2, index 225): gojit kept the value in a separate variable until the
// iterator returned, so the deferred call saw the old result and a recovery returned zero.

import "fmt"

// seq ignores yield's false result: after the body returned, gc raises the misuse error
func seq(yield func(int) bool) {
	yield(1)
	yield(2)
}

func named() (r int) {
	defer func() {
		fmt.Println("named: r =", r, recover())
	}()
	for i := range seq {
		return i + 10
	}
	return -1
}

func unnamed() int {
	defer func() {
		fmt.Println("unnamed:", recover())
	}()
	for i := range seq {
		return i + 20
	}
	return -1
}

// two results, one named by the rewrite per position; the value set before the loop survives
func pair() (a int, b string) {
	a = 5
	defer func() {
		fmt.Println("pair:", a, b, recover())
	}()
	for i := range seq {
		if i == 1 {
			return a + i, "set"
		}
	}
	return -1, "not reached"
}

// the body's assignment to a named result is seen by a deferred call during a panic
func assigned() (r int) {
	defer func() {
		fmt.Println("assigned: r =", r, recover())
	}()
	for i := range func(yield func(int) bool) {
		yield(3)
		panic("iterator panics")
	} {
		r = i * 2
	}
	return
}

func main() {
	fmt.Println(named())
	fmt.Println(unnamed())
	fmt.Println(pair())
	fmt.Println(assigned())
}
