package main

// Generic type aliases (Go 1.24): each instance is the right-hand side with the type
// arguments substituted, no new type (%T prints the aliased type); local ones too.

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Set[T comparable] = map[T]struct{}
type Same[T comparable] = Pair[T, T]
type List[T any] = []T

func keys[T comparable](s Set[T]) int { return len(s) }

func main() {
	s := Set[string]{"a": {}, "b": {}}
	fmt.Println(len(s), keys(s))
	var p Same[int] = Pair[int, int]{1, 2}
	fmt.Printf("%T %v\n", p, p)
	l := List[Same[string]]{{"a", "b"}}
	fmt.Printf("%T %v\n", l, l)
	type L = List[int]
	fmt.Printf("%T\n", L{1})
	type Loc[T comparable] = map[T][]T
	lm := Loc[rune]{'x': {1, 2}}
	fmt.Printf("%T %v\n", lm, lm)
	var q Same[string]
	q.Key = "k"
	fmt.Println(q == Pair[string, string]{Key: "k"})
}
