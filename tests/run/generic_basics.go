// Generics: generic functions with inference, generic types and their methods, constraints with
// unions, ~T and methods, explicit and partial instantiation. Expected output from Go 1.27.3 (go run).
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

type Pair[K any, V any] struct {
	Key K
	Val V
}

func (p *Pair[K, V]) Swap() Pair[V, K] { return Pair[V, K]{p.Val, p.Key} }

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.n++
}

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

type Stringer interface{ String() string }

type MyInt int

func (m MyInt) String() string { return fmt.Sprintf("MyInt(%d)", int(m)) }

func Join[T Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ","
		}
		s += x.String()
	}
	return s
}

func Max[T int | float64 | string](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.5}))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * 2) }))
	p := Pair[string, int]{"a", 1}
	q := p.Swap()
	fmt.Printf("%v %T %+v\n", q, q, p)
	var l List[string]
	l.Push("x")
	l.Push("y")
	l.Each(func(s string) { fmt.Print(s, " ") })
	fmt.Println(l.n)
	fmt.Println(Join([]MyInt{1, 2}))
	fmt.Println(Max(3, 7), Max(2.5, 1.5), Max("a", "b"))
	fmt.Println(Index([]string{"a", "b"}, "b"), Index[int]([]int{1}, 5))
	f := Sum[int]
	fmt.Println(f([]int{4, 5}))
	var x any = Pair[int, bool]{1, true}
	fmt.Printf("%T\n", x)
}
