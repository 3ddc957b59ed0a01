// Method expressions of promoted methods walk the embedding path: (*Outer).M with M declared on
// an embedded Inner (value or pointer receiver, through an embedded value or pointer) used to call
// M with the Outer pointer as its receiver (gosweep method7.go). Expected output from Go 1.27.3.
package main

import "fmt"

type Inner struct{ s string }

func (i Inner) M() string      { return "M:" + i.s }
func (i *Inner) P(x int) string { i.s += "!"; return fmt.Sprint("P:", i.s, x) }

type ByPtr struct {
	n int
	*Inner
}
type ByVal struct {
	n int
	Inner
}
type Deep struct {
	pad [3]int
	ByVal
}

type S struct{}

func (S) m1(s string) string { return "m1(" + s + ")" }

type T int

func (t T) m2() string { return fmt.Sprint("m2(", int(t), ")") }

func main() {
	h := (*ByPtr).M
	fmt.Println(h(&ByPtr{1, &Inner{"hello"}}))
	fmt.Println(ByPtr.M(ByPtr{2, &Inner{"value"}}))
	p := (*ByPtr).P
	bp := &ByPtr{3, &Inner{"ptr"}}
	fmt.Println(p(bp, 7), bp.s)
	fmt.Println(ByPtr.P(*bp, 8), bp.s)
	fmt.Println((*ByVal).M(&ByVal{4, Inner{"byval"}}))
	fmt.Println(ByVal.M(ByVal{5, Inner{"byval2"}}))
	bv := &ByVal{6, Inner{"bv"}}
	fmt.Println((*ByVal).P(bv, 9), bv.s)
	d := &Deep{ByVal: ByVal{7, Inner{"deep"}}}
	fmt.Println((*Deep).M(d), Deep.M(*d), (*Deep).P(d, 10), d.s)
	f := interface{ m1(string) string }.m1
	fmt.Println(f(S{}, "b"))
	g := struct{ T }.m2
	fmt.Println(g(struct{ T }{42}))
	fs := []func(*ByVal) string{(*ByVal).M}
	fmt.Println(fs[0](bv))
}
