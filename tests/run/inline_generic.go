package main

import "fmt"

// Small generic functions, which gc inlines and lower/inline.rs now inlines as their
// instances: each inlined body must behave as the instance's call, with its own type arguments
// (also when the caller is itself generic). Expected output from Go 1.27.3.

type number interface {
	~int | ~int8 | ~uint16 | ~float64
}

func max2[T number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func sum[T number](s []T) T {
	var t T
	for _, v := range s {
		t += v
	}
	return t
}

// Generic calling generic: the inner call's type argument is the outer's type parameter.
func sumMax[T number](s []T, floor T) T {
	return max2(sum(s), floor)
}

type celsius float64

type pair[K comparable, V any] struct {
	k K
	v V
}

// A struct result of a type argument's size: words for small ones.
func mk[K comparable, V any](k K, v V) pair[K, V] {
	return pair[K, V]{k, v}
}

func first[T any](s []T, dflt T) T {
	if len(s) == 0 {
		return dflt
	}
	return s[0]
}

type stringer interface{ String() string }

type id int

func (i id) String() string { return fmt.Sprintf("id#%d", int(i)) }

// A call of a type parameter's method in an inlined body.
func show[T stringer](x T) string { return "<" + x.String() + ">" }

// A generic caller of generic callees.
func both[T number](a, b T) (T, T) {
	return max2(a, b), max2(b-a, a-b)
}

// Wrap-around in a narrow instance: the inlined body computes in the instance's type.
func inc[T number](x T) T { return x + 1 }

func main() {
	fmt.Println(max2(3, 7), max2(2.5, -1.0), max2[int8](-3, -4), max2(celsius(20), 21.5))
	fmt.Println(sum([]int{1, 2, 3}), sum([]float64{0.5, 0.25}), sum([]uint16{65535, 2}))
	fmt.Println(sumMax([]int{1, 2}, 10), sumMax([]float64{4, 4}, 1))
	p := mk("a", 1.5)
	q := mk(3, []int{1})
	fmt.Println(p.k, p.v, q.k, q.v)
	fmt.Println(first([]string{}, "none"), first([]string{"x", "y"}, "none"), first([]int(nil), -1))
	fmt.Println(show(id(4)))
	fmt.Println(both(3, 10))
	fmt.Println(both(2.5, 1.0))
	fmt.Println(inc[int8](127), inc[uint16](65535), inc(1.5))
	fmt.Printf("%T %T\n", max2(celsius(1), 2), sum([]celsius{1}))
}
