package main

import "unsafe"

// Checks types2 runs once every type is complete (check.later): map keys whose type is
// still being declared, embedded fields whose type is a pointer only known later, a type
// parameter key without the comparable constraint; a function used as a type in its own
// signature.

type S struct {
	m map[S]bool
}

type m map[k]int
type k [1]m

type T *struct {
	T
}

type U struct{ unsafe.Pointer }

type M[A any] map[A]int

func foo(x foo) {}

type R struct{ R }

type _ map[R]int

func main() {
	type L struct{ L }
	type _ map[L]int
}
