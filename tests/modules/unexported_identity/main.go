// Unexported names of two packages are different names: type identity, interface satisfaction
// (compile-time itabs and the runtime's), method sets holding both packages' `get`, and the
// message of a failed assertion between look-alike types. Expectations from Go 1.27.3.
package main

import (
	"fmt"

	"example.com/unexported_identity/p"
)

type Private interface{ private() string }

type Impl struct{}

func (*Impl) private() string { return "main.Impl.private" }

// T embeds *p.S (promoting p's get) and declares main's get: two methods named get.
type T struct{ *p.S }

func (T) get() string { return "main.T.get" }

type I interface{ get() string }

// U only embeds: it has p's get, not main's.
type U struct{ *p.S }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panics:", r)
		}
	}()
	f()
}

func main() {
	var x Private = new(Impl)
	fmt.Println(x.private())

	// p.X's dynamic type has p's private, not main's.
	_, ok := p.X.(Private)
	fmt.Println("p.X is main.Private:", ok)
	try("assert", func() { x = p.X.(Private) })
	fmt.Println(x.private())

	t := T{new(p.S)}
	fmt.Println(t.get(), p.F(t))
	var a any = t
	_, okMain := a.(I)
	_, okP := a.(p.I)
	fmt.Println("T is main.I:", okMain, "T is p.I:", okP)
	var u any = U{new(p.S)}
	_, okMain = u.(I)
	_, okP = u.(p.I)
	fmt.Println("U is main.I:", okMain, "U is p.I:", okP)

	_, ok1 := p.Lit().(struct{ x int })
	_, ok2 := any(struct{ x int }{1}).(struct{ x int })
	fmt.Println("p's struct{ x int } is main's:", ok1, "main's is main's:", ok2)
	_, ok1 = p.Emb().(struct{ int })
	fmt.Println("p's struct{ int } is main's:", ok1)
	fmt.Println("p's struct{ _ []int } == main's:", p.Blank() == any(struct{ _ []int }{}))
	_, ok1 = p.Iface().(*interface{ get() string })
	fmt.Println("p's *interface{ get() string } is main's:", ok1)
	fmt.Printf("%T %T\n", p.Lit(), p.Iface())

	try("struct", func() { _ = p.Lit().(struct{ x int }) })
	try("interface", func() { _ = p.Iface().(*interface{ get() string }) })
}
