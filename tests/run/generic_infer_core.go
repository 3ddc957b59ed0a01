// Type inference as types2: a generic named function type matched by a function literal by its
// underlying type, core type inference of PT from a single non-tilde term (*T), and a bound
// type parameter unified by its core type (typeparam/issue50264, settable, issue51303).
// Expected output from Go 1.27.3.
package main

import "fmt"

type Func2[A1, A2, R any] func(a1 A1, a2 A2) R

func Apply2[A1, A2, R any](f Func2[A1, A2, R], a A1, b A2) R { return f(a, b) }

type Setter[B any] interface {
	Set(string)
	*B
}

type Settable struct{ s string }

func (p *Settable) Set(s string) { p.s = "<" + s + ">" }

func FromStrings[T any, PT Setter[T]](s []string) []T {
	result := make([]T, len(s))
	for i, v := range s {
		p := PT(&result[i])
		p.Set(v)
	}
	return result
}

func SetEq[S []E, E comparable](x, y S) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

type pairs[E comparable, T []E] []T

func (pairs[E, T]) Equal(a, b T) bool { return SetEq(a, b) }

func main() {
	fmt.Println(Apply2(func(a int, b string) string { return fmt.Sprint(a, b) }, 3, "x"))
	fmt.Println(FromStrings[Settable]([]string{"a", "b"}))
	var p pairs[int, []int]
	fmt.Println(p.Equal([]int{1, 2}, []int{1, 2}), p.Equal([]int{1}, []int{2}))
}
