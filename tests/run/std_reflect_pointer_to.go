package main

// reflect.PointerTo(T) for a T the program never takes the address of finds *T with its whole
// method set (gc's descriptor of a named type points to *T's: PtrToThis), so *T's promoted
// value methods can be looked up and called. go1.21 test reflectmethod7. Expected output:
// Go 1.27.3.

import (
	"fmt"
	"reflect"
)

type S int

func (s S) M() { fmt.Println("S.M called with", int(s)) }

func (s S) Name() string { return fmt.Sprint("S", int(s)) }

type P struct{ n int }

func (p *P) Inc() { p.n++ }

type Plain struct{ a, b int }

type U uint8

func (U) Get() int { return 1 }

func main() {
	t := reflect.TypeOf(S(0))
	pt := reflect.PointerTo(t)
	fmt.Println(pt, pt.Kind(), pt.NumMethod(), pt.Elem() == t)
	for i := 0; i < pt.NumMethod(); i++ {
		fmt.Println(" ", pt.Method(i).Name, pt.Method(i).Type)
	}
	fn, ok := pt.MethodByName("M")
	fmt.Println("M found:", ok)
	v := reflect.New(t)
	v.Elem().SetInt(42)
	fn.Func.Call([]reflect.Value{v})
	out := v.MethodByName("Name").Call(nil)
	fmt.Println(out[0])

	q := reflect.PointerTo(reflect.TypeOf(P{}))
	fmt.Println(q, q.NumMethod())
	pl := reflect.PointerTo(reflect.TypeOf(Plain{}))
	fmt.Println(pl, pl.NumMethod(), pl.Elem().NumField())
	fmt.Println(reflect.PointerTo(t) == pt)
	u := reflect.TypeOf(U(0))
	fmt.Println(reflect.PointerTo(u) == reflect.TypeOf(new(U)), reflect.PointerTo(u).NumMethod())
}
