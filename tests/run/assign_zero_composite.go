package main

// Assigning an empty composite literal to an in-memory aggregate clears it in place (gc's
// memclr): through pointers, fields, slice elements, locals in the frame, captured variables and
// map entries; a nil pointer still panics with the nil dereference before anything is written.

import "fmt"

type Big struct {
	a [30]int
	s string
	p *int
}

type Arr [1000]int64

func fill(b *Big) {
	for i := range b.a {
		b.a[i] = i + 1
	}
	b.s = "set"
	x := 5
	b.p = &x
}

func sum(a []int64) (n int64) {
	for _, v := range a {
		n += v
	}
	return
}

func main() {
	var b Big
	fill(&b)
	p := &b
	*p = Big{}
	fmt.Println(b.a[29], b.s == "", b.p == nil)

	type Outer struct {
		x   int
		big Big
		y   int
	}
	o := Outer{x: 1, y: 2}
	fill(&o.big)
	o.big = Big{}
	fmt.Println(o.x, o.big.a[0], o.big.s == "", o.y)

	xs := make([]Big, 3)
	fill(&xs[1])
	fill(&xs[2])
	xs[1] = Big{}
	fmt.Println(xs[1].a[5], xs[2].a[5])

	var a Arr
	for i := range a {
		a[i] = 1
	}
	q := &a
	a = Arr{}
	fmt.Println(sum(q[:]))

	var c Arr
	c[999] = 7
	clear := func() { c = Arr{} }
	clear()
	fmt.Println(c[999])

	m := map[int]Big{}
	var v Big
	fill(&v)
	m[1] = v
	m[1] = Big{}
	fmt.Println(m[1].a[0], len(m))

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var np *Arr
		*np = Arr{}
		fmt.Println("not reached")
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var nb *Outer
		nb.big = Big{}
		fmt.Println("not reached")
	}()
}
