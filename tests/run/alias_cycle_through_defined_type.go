package main

import "fmt"

// Aliases in a cycle with a defined type (Go's fixedbugs/issue18640, issue27232,
// issue27267): legal, whichever of the two is declared first.

type F = func(T) string

type T interface {
	m(F) string
}

type t struct{ name string }

func (x t) m(f F) string { return "m(" + f(x) + ")" }

type G = func(E) int

type E struct {
	f G
	n int
}

type P = *S

type S struct {
	p P
	v int
}

type (
	a = b
	b struct {
		*a
		v int
	}
)

type L = []N

type N struct {
	kids L
	name string
}

func count(n N) int {
	c := 1
	for _, k := range n.kids {
		c += count(k)
	}
	return c
}

func main() {
	var x T = t{"x"}
	fmt.Println(x.m(func(v T) string { return fmt.Sprintf("%T", v) }))
	e := E{func(e E) int { return e.n * 2 }, 21}
	fmt.Println(e.f(e))
	s := &S{v: 1}
	s.p = &S{v: 2}
	fmt.Println(s.v, s.p.v, s.p.p == nil)
	y := b{&b{nil, 1}, 2}
	fmt.Println(y.v, y.a.v, y.a.a == nil)
	fmt.Printf("%T %T %T\n", e.f, s.p, y.a)
	tree := N{L{{nil, "a"}, {L{{nil, "c"}}, "b"}}, "root"}
	fmt.Println(count(tree))
}
