// A value method called through an interface holding a nil *T, or through the method expression
// (*T).M with nil, panics in the *T wrapper with gc's runtime.panicwrap message (a runtime.Error);
// other nil receivers are plain nil dereferences (gosweep fixedbugs/issue19040.go). call() is
// noinline so gc cannot devirtualize the interface call. Expected output from Go 1.27.3.
package main

import "fmt"

type T int

func (t T) F() {}

type I interface{ F() }

type S struct{ *T }
type U struct{ S }

var sink I

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRt := r.(interface{ RuntimeError() })
		fmt.Println(name, "|", r, "| runtime.Error:", isRt)
	}()
	f()
}

//go:noinline
func call(i I) { i.F() }

func main() {
	var p *T
	sink = p
	try("iface global", func() { sink.F() })
	try("iface param", func() { call(p) })
	try("methodexpr", func() { (*T).F(nil) })
	fs := []func(*T){(*T).F}
	try("methodexpr value", func() { fs[0](nil) })
	try("methodval", func() { f := p.F; f() })
	try("promoted ptr", func() { call(&S{}) })
	try("promoted val", func() { call(S{}) })
	var s *S
	try("promoted nil outer", func() { call(s) })
	var u *U
	try("promoted nil outer2", func() { call(u) })
	try("call", func() { p.F() })
}
