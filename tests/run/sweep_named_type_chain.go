// `type T2 T1` where T1's own definition refers to T2 (`type T1 struct{ Next *T2 }`) is valid: T2
// takes T1's underlying type once T1 is defined. gojit reported "invalid recursive type T2"
// (gosweep fixedbugs/bug336.go). Expected output from Go 1.27.3.
package main

import "fmt"

type T1 struct {
	Next *T2
	N    int
}

type T2 T1

type T3 struct{ Next *T4 }
type T4 T5
type T5 T6
type T6 T3

type T18 *[3]T19
type T19 T18

func main() {
	a := &T1{&T2{N: 2}, 1}
	b := T2(*a)
	fmt.Println(a.N, a.Next.N, b.N, b.Next.N)
	c := &T3{&T4{&T4{}}}
	fmt.Println(c.Next.Next != nil, c.Next.Next.Next == nil)
	var t5 T5 = T5(*c)
	fmt.Println(t5.Next != nil)
	arr := &[3]T19{}
	p := T18(arr)
	fmt.Println(len(p), p[0] == nil)
}
