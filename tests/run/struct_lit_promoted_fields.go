// Go 1.27: struct literal keys may name promoted fields (reached through embedded structs, not
// embedded pointers); GOROOT's internal/poll uses them. Expected output: Go 1.27.3 (tests/regen.sh).
package main

import "fmt"

type In struct{ a, b int }

type Mid struct {
	In
	s string
}

type Out struct {
	Mid
	c int
}

type WithPtr struct {
	*In
	d int
}

func mk(n int) Out { return Out{a: n, s: "x", c: n * 2} }

var global = Out{b: 7, c: 8}

func main() {
	o := Out{a: 1, b: 2, c: 3, s: "deep"}
	fmt.Println(o.a, o.b, o.c, o.s, o.In, o.Mid.In.b)
	p := &Mid{b: 5}
	fmt.Println(p.a, p.b, p.s == "")
	fmt.Println(mk(4), global)
	w := WithPtr{d: 4, In: &In{a: 9}}
	fmt.Println(w.a, w.d)
	xs := []Out{{a: 1}, {c: 2, b: 3}}
	fmt.Println(xs)
	m := map[string]Mid{"k": {a: 10, s: "v"}}
	fmt.Println(m["k"].a, m["k"].s)
}
