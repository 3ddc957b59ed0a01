package main

// Generic type aliases used wrongly: without instantiation, with a type argument outside
// the constraint, with too few type arguments; a key type without comparable.

type Set[T comparable] = map[T]struct{}
type Two[A, B any] = map[A]B

var _ Set
var _ Set[[]int]
var _ Two[int]

func main() {}
