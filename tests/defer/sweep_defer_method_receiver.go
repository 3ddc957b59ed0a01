// A deferred method call evaluates its receiver at the defer statement, as Go does: a nil
// interface or a nil pointer dereferenced for a value method panics there (not when the deferred
// call runs), embedded pointers are followed then, and the receiver value is a snapshot (gosweep
// fixedbugs/issue15975.go). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"strings"
)

type Closer interface{ Close() }

type T struct{ n int }

func (t T) Val()  { fmt.Println("Val", t.n) }
func (t *T) Ptr() { fmt.Println("Ptr", t.n) }

type Outer struct{ *T }
type Holder struct{ C Closer }
type W struct{ Closer }

type C1 struct{ name string }

func (c C1) Close() { fmt.Println("close", c.name) }

type FnHolder struct{ fn func() }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	try("nil iface", func() {
		var c Closer
		defer c.Close()
		fmt.Println("not reached")
	})
	try("nil ptr value method", func() {
		var p *T
		defer p.Val()
		fmt.Println("not reached")
	})
	try("nil ptr ptr method", func() {
		var p *T
		defer p.Ptr()
		fmt.Println("reached, panics later")
	})
	try("embedded nil ptr", func() {
		o := Outer{}
		defer o.Val()
		fmt.Println("not reached")
	})
	try("embedded iface nil", func() {
		w := W{}
		defer w.Close()
		fmt.Println("not reached")
	})
	try("receiver snapshot", func() {
		t := &T{1}
		defer t.Val()
		defer t.Ptr()
		var c Closer = C1{"first"}
		defer c.Close()
		c = C1{"second"}
		o := Outer{&T{5}}
		defer o.Val()
		o.T.n = 6
		h := &Holder{C1{"held"}}
		defer h.C.Close()
		h.C = nil
		t.n = 2
	})
	try("field func", func() {
		f := &FnHolder{func() { fmt.Println("first fn") }}
		defer f.fn()
		f.fn = func() { fmt.Println("second fn") }
	})
	try("nil field func ptr", func() {
		var f *FnHolder
		defer f.fn()
		fmt.Println("not reached")
	})
	try("builder", func() {
		var sb strings.Builder
		defer func() { fmt.Println("built", sb.String()) }()
		defer sb.WriteString("b")
		sb.WriteString("a")
	})
	for i := 0; i < 2; i++ {
		try(fmt.Sprint("loop", i), func() {
			for j := 0; j < 2; j++ {
				var c Closer
				if j == 0 {
					c = C1{"loop"}
				}
				defer c.Close()
			}
		})
	}
}
