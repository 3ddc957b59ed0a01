// A multiple assignment evaluates the operands of the left-hand index expressions and pointer
// indirections first, then assigns left to right, each assignment doing its own nil, bounds and
// nil-map check: earlier assignments happen before a later one panics, and `p, p.i = q, 4` writes
// through the old p (gosweep fixedbugs/issue23017.go). Expected output from Go 1.27.3.
package main

import "fmt"

type P struct{ i int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

var g int

func main() {
	m := map[int]int{}
	try("nil ptr", func() {
		var p *int
		m[1], *p = 42, 2
	})
	try("bounds", func() {
		s := []int{}
		m[2], s[1] = 7, 2
	})
	try("nil field", func() {
		var p *P
		m[3], p.i = 3, 2
	})
	try("nil map second", func() {
		var nm map[int]int
		a := 0
		pa := &a
		*pa, nm[2] = 5, 2
		fmt.Println("not reached", a)
	})
	try("nil map first", func() {
		var nm map[int]int
		nm[0], g = 1, 2
	})
	fmt.Println(len(m), m[1], m[2], m[3], g)
	var x P
	p := &x
	p, p.i = new(P), 4
	fmt.Println(x.i, p.i)
	arr := [3]int{}
	i := 0
	i, arr[i] = 2, 9
	fmt.Println(i, arr)
	sl := []int{1, 2, 3}
	sl, sl[0] = nil, 100
	fmt.Println(sl == nil)
	mm := map[string]int{}
	var k interface{} = "key"
	ks := map[interface{}]int{}
	ks[k], mm["a"] = 1, 2
	fmt.Println(ks, mm)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
}
