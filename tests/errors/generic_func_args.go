// Errors inferring a generic function argument's type parameters: an inferred type argument
// that fails the argument's constraint (reported at the call), and type parameters that nothing
// determines. Expected diagnostics from Go 1.27.3 (go build -gcflags=-e).
package main

func Apply[T any](s []T, f func(T) T) T { return f(s[0]) }

func G[T any](x T) {}

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Pair[A, B any](a A, b B) {}

func main() {
	_ = Apply([]string{"a"}, Double)
	G(Double)
	Pair(Double, 1)
}
