package main

// Fields whose types are undefined stay in their struct with an invalid type, as types2 keeps them:
// gc reports only the undefined names, none of the uses (no `s.a undefined`, no `invalid composite
// literal type S`). Expectation from Go 1.27.3.

import "fmt"

type S struct {
	a   Undef
	b   int
	arr [2]Nope
	Undef2
	*Undef3
}

type M map[S]int

func (s S) M() int { return s.a + 1 }

func main() {
	var s S
	s.a = 3
	x := s.a + s.b
	t := S{a: 1, b: 2}
	u := S{1, 2, [2]Nope{}, nil, nil}
	fmt.Println(s == t, x, u.arr[0], s.a.foo, s.Undef2, len(s.arr))
	for i := range s.a {
		_ = i
	}
	m := M{}
	m[s]++
	var p *S = &s
	p.b++
	var arr [len(s.arr)]int
	_ = arr
	s.nothere()
}
