// Two generic types instantiating each other, one with a pointer to its type parameter: an
// instantiation cycle (types are reported before functions, the first cycle found only).
// Expected diagnostics from Go 1.27.3.
package main

type A[T any] struct{ b *B[T] }
type B[T any] struct{ a *A[*T] }

func F[T any]() { F[[]T]() }

func main() {
	var a A[int]
	_ = a
	F[int]()
}
