// More type-checking errors of generic code. Expected diagnostics from Go 1.27.3 (go run).
package main

type List[T any] struct{ next *List[T] }

type Num interface{ ~int | ~float64 }

func Pair[K comparable, V any](k K, v V) {}

func Neg[T any](x T) T { return -x }

func Cmp[T any](a, b T) bool { return a == b }

func main() {
	var l List
	_ = l
	Pair[int, string, bool](1, "a")
	Pair[[]int, string](nil, "a")
	var x List[int, string]
	_ = x
}
