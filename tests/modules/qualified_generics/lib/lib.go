// Package lib declares generic functions and types used from another package.
package lib

// Escape returns x (internal/abi.Escape's shape).
func Escape[T any](x T) T {
	return x
}

// Pair is a generic type instantiated with a qualified name.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

// Seq2 is iter.Seq2's shape: a generic function type in another package's result types.
type Seq2[K, V any] func(yield func(K, V) bool)

// Map applies f to every element.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}
