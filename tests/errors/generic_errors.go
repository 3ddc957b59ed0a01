// Type-checking errors of generic code. Expected diagnostics from Go 1.27.3 (go run).
package main

type Stringer interface{ String() string }

func Eq[T comparable](a, b T) bool { return a == b }

func Str[T Stringer](x T) string { return x.String() }

func Zero[T any]() T {
	var z T
	return z
}

type Num interface{ ~int | ~float64 }

func Add[T Num](a, b T) T { return a + b }

func main() {
	_ = Eq([]int{1}, []int{2})
	_ = Str(3)
	_ = Zero()
	f := Zero
	_ = f
	_ = Add("a", "b")
}
