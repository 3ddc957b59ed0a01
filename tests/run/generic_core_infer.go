// Inference through the enclosing function's type parameters (S ~[]E unifies with []E by its
// core type), f(v...) passing the variadic slice itself, min/max over ordered type sets: the
// shapes of package slices. Expected output from Go 1.27.3.
package main

import "fmt"

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float32 | ~float64 | ~string
}

type myInt int

func Min[S ~[]E, E Ordered](x S) E {
	m := x[0]
	for i := 1; i < len(x); i++ {
		m = min(m, x[i])
	}
	return m
}

func Max3[T Ordered](a, b, c T) T { return max(a, b, c) }

func overlaps[E any](a, b []E) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = overlaps(s[i:], v)
	return append(s[:i], append(v, s[i:]...)...)
}

func Replace[S ~[]E, E any](s S, i int, v ...E) S {
	return Insert(s, i, v...)
}

type ints []int

func main() {
	fmt.Println(Min([]int{5, 2, 8}), Min([]string{"b", "a"}), Min([]float64{2.5, -1}), Min([]myInt{3, 1}))
	fmt.Println(Max3(1, 9, 3), Max3("x", "z", "y"), Max3(1.5, 0.5, 2.5))
	r := Replace(ints{1, 2, 3}, 1, 7, 8)
	fmt.Printf("%v %T\n", r, r)
}
