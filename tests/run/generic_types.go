// Generic types: recursive instances, embedding, method sets and itabs per instance, method
// values, closures capturing type-parameter values, core-type inference (S ~[]E), type switches on
// type-parameter values, %T/%v of instances. Expected output from Go 1.27.3 (go run).
package main

import (
	"fmt"
	"strings"
)

type Tree[T interface{ ~int | ~string }] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

type Box[T any] struct{ v T }

func (b Box[T]) String() string { return fmt.Sprintf("Box(%v)", b.v) }

type Named struct {
	Box[string]
	n int
}

type Number interface {
	~int | ~int32 | ~float64
}

func Scale[S ~[]E, E Number](s S, c E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * c
	}
	return out
}

type Vec []int32

func (v Vec) Sum() int32 {
	var s int32
	for _, x := range v {
		s += x
	}
	return s
}

func Kind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return fmt.Sprintf("other %T", x)
}

func Counter[T comparable]() (func(T), func() map[T]int) {
	m := map[T]int{}
	return func(k T) { m[k]++ }, func() map[T]int { return m }
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Keys[K comparable, V any](m map[K]V) int { return len(m) }

func main() {
	var t *Tree[int]
	for _, v := range []int{5, 3, 8, 1, 4} {
		t = t.Insert(v)
	}
	t.Walk(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	var ts *Tree[string]
	for _, v := range strings.Fields("pear apple fig") {
		ts = ts.Insert(v)
	}
	ts.Walk(func(v string) { fmt.Print(v, " ") })
	fmt.Println()

	var s fmt.Stringer = Box[int]{42}
	fmt.Println(s, Box[string]{"x"})
	n := Named{Box[string]{"emb"}, 1}
	fmt.Println(n.String(), n.v)
	fmt.Printf("%T %T %v\n", s, n, Box[[]int]{[]int{1, 2}})

	v := Scale(Vec{1, 2, 3}, 2)
	fmt.Printf("%T %v %d\n", v, v, v.Sum())
	fmt.Println(Scale([]float64{1.5}, 2))

	fmt.Println(Kind(3), Kind("a"), Kind(Box[int]{1}), Kind(2.5))

	inc, get := Counter[string]()
	inc("a")
	inc("b")
	inc("a")
	fmt.Println(get())

	str := Box[int].String
	fmt.Println(str(Box[int]{7}))
	m := Box[bool]{true}.String
	fmt.Println(m())

	fmt.Println(Reduce([]int{1, 2, 3}, "", func(a string, x int) string { return a + fmt.Sprint(x) }))
	fmt.Println(Keys(map[string]bool{"a": true}))
}
