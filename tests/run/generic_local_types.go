// Generic types declared inside generic functions: implicitly generic over the enclosing
// function's type parameters too (gc prints `main.Box[int;string]`), one type per instance of
// the function, with their own type parameters instantiated explicitly or by a composite
// literal. Expected output from Go 1.27.3.
package main

import "fmt"

func F[T any](x T) any {
	type Box[U any] struct {
		t T
		u U
	}
	b := Box[string]{x, "s"}
	c := Box[[]T]{x, []T{x, x}}
	fmt.Printf("%T %v | %T %v\n", b, b, c, c)
	return b
}

func Pairs[K comparable, V any](k K, v V) {
	type Pair[A, B any] struct {
		k K
		a A
		b B
		v V
	}
	type List[E any] []E
	type A0 = int
	p := Pair[int, bool]{k, 1, true, v}
	l := List[[2]A0]{{p.a, 2}}
	fmt.Printf("%T %v\n%T %d\n", p, p, l, len(l))
	// a local type as a type argument carries gc's ·N (its number among the package's
	// function-local type declarations)
	q := List[Pair[int, bool]]{p, p}
	fmt.Printf("%T %d\n", q, len(q))
}

func main() {
	type P[U any] struct{ u U }
	fmt.Printf("%T %v\n", P[int]{3}, P[string]{"p"})
	a, b := F(1), F(2.5)
	fmt.Printf("%T %T %v\n", a, b, a == F(1))
	Pairs("k", 'v')
	Pairs[int8, []string](1, nil)
}
