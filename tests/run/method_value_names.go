// gc's names of method value and method expression functions, as runtime.FuncForPC reports
// them: a method value is the method's own name plus -fm (an instance's with [...]), an
// interface method value the interface's; a method expression is the method symbol of the
// receiver type written. Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"reflect"
	"runtime"
)

type T struct{ x int }

func (t T) V() int  { return t.x }
func (t *T) P() int { return t.x }

type E struct{ T }
type PE struct{ *T }

type I interface{ V() int }

type S struct{ I }

type Box[K comparable, V any] struct {
	k K
	v V
}

func (b Box[K, V]) Get() V  { return b.v }
func (b *Box[K, V]) Key() K { return b.k }

type Named[T any] interface{ Get() T }

func name(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

func main() {
	t := T{1}
	p := &t
	e := E{t}
	pe := PE{p}
	var i I = t
	s := S{i}
	fmt.Println(name(t.V), name(t.P), name(p.V), name(p.P))
	fmt.Println(name(e.V), name(e.P), name(pe.V), name(pe.P), name(i.V), name(s.V))
	fmt.Println(name(T.V), name((*T).V), name((*T).P), name(I.V), name(E.V), name((*E).P), name(S.V))
	b := Box[string, int]{"k", 2}
	var n Named[int] = b
	fmt.Println(name(b.Get), name(b.Key), name(n.Get))
	fmt.Println(name(Box[int, bool].Get), name((*Box[int, bool]).Key), name((*Box[int, bool]).Get), name(Named[bool].Get))
	f, g := b.Get, Box[string, int].Get
	fmt.Println(f(), g(b), b.Key())
}
