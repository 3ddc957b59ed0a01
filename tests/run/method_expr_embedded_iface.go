// Method expressions and method values of types embedding an interface (S.M, (*S).M, T.M in a
// generic function instantiated with such a struct): the wrapper dispatches through the embedded
// interface's itab (typeparam/mdempsky/13.go was an internal compiler error).
// Expected output from Go 1.27.3.
package main

import "fmt"

type Mer interface{ M(int) string }

type MyMer int

func (m MyMer) M(k int) string { return fmt.Sprint("M", int(m)*k) }

type S struct{ Mer }

type Outer struct {
	x int
	S
}

func F[T Mer](t T) string { return T.M(t, 2) + " " + t.M(3) }

func main() {
	ms := S{Mer: MyMer(3)}
	fmt.Println(S.M(ms, 1), (*S).M(&ms, 2))
	f := S.M
	fmt.Println(f(ms, 5))
	o := Outer{x: 1, S: ms}
	fmt.Println(Outer.M(o, 7), (*Outer).M(&o, 8))
	fmt.Println(F(ms), F(&ms), F(o), F[struct{ Mer }](struct{ Mer }{MyMer(4)}))
	defer func() { fmt.Println("recovered:", recover()) }()
	var z S
	fmt.Println(S.M(z, 1))
}
