// Types reflect looks up or builds are the compiler's descriptors when the program has them
// (typelinks), and Method.Func is callable with the receiver as first argument (Method.Tfn).
// Expected output from Go 1.27.3's go run.
package main

import (
	"fmt"
	"reflect"
)

type M int

func (m M) Twice() int { return int(m) * 2 }

type S struct{ A, B string }

func (s S) Join(sep string) string { return s.A + sep + s.B }
func (s *S) SetA(a string)         { s.A = a }

func main() {
	fmt.Println(reflect.SliceOf(reflect.TypeOf(0)) == reflect.TypeOf([]int{}))
	fmt.Println(reflect.PointerTo(reflect.TypeOf(S{})) == reflect.TypeOf(&S{}))
	fmt.Println(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(M(0))) == reflect.TypeOf(map[string]M{}))
	fmt.Println(reflect.ArrayOf(8, reflect.TypeOf("")) == reflect.TypeOf([8]string{}))
	fmt.Println(reflect.ChanOf(reflect.BothDir, reflect.TypeOf(0)) == reflect.TypeOf(make(chan int)))
	x := reflect.New(reflect.ArrayOf(3, reflect.TypeOf(0))).Elem().Interface()
	a, ok := x.([3]int)
	fmt.Println(a, ok)
	f := reflect.TypeOf(M(0)).Method(0).Func.Interface().(func(M) int)
	fmt.Println(f(21))
	j := reflect.TypeOf(S{}).Method(0).Func.Interface().(func(S, string) string)
	fmt.Println(j(S{"x", "y"}, "-"))
	pm, _ := reflect.TypeOf(&S{}).MethodByName("SetA")
	set := pm.Func.Interface().(func(*S, string))
	s := &S{}
	set(s, "z")
	fmt.Println(s.A)
	pj, _ := reflect.TypeOf(&S{}).MethodByName("Join")
	fmt.Println(pj.Func.Interface().(func(*S, string) string)(&S{"p", "q"}, "+"))
	fmt.Println(reflect.TypeOf(M(0)).Method(0).Type)
}
