// Escape analysis (src/lower/escape.rs): every variable whose address or closure outlives its
// frame (or its loop iteration) must keep a distinct, live copy; variables that do not escape
// are kept in the frame and must behave exactly the same.
package main

import "fmt"

type S struct{ a, b int }

func (s *S) inc() { s.a++ }

var registered *S

func (s *S) register() { registered = s }

type holder struct{ p *int }

func store(h *holder, p *int) { h.p = p }

var global *int

func leak(p *int) { global = p }

func id(p *int) *int { return p }

func pick(a, b *int, first bool) *int {
	if first {
		return a
	}
	return b
}

func sum(p *[4]int) int { return p[0] + p[1] + p[2] + p[3] }

// recursive functions passing addresses of their locals (Go's test/abi/uglyfib.go shape)
func fa(x int, xm1, xm2, p *int) {
	if x < 2 {
		*p += x
		return
	}
	x -= 1
	fb(*xm1, xm2, &x, p)
}

func fb(x int, xm1, xm2, p *int) {
	var y = [2]int{x - 2, 0}
	if x < 2 {
		*p += x
		return
	}
	x -= 2
	fa(*xm2, &x, &y[0], p)
	fa(*xm1, xm2, &x, p)
}

// clobber overwrites the stack below its caller's frame.
func clobber(n int) int {
	var a [64]int
	for i := range a {
		a[i] = n + i
	}
	if n > 0 {
		return clobber(n-1) + a[n%64]
	}
	return a[3]
}

func escapesToResult() *int {
	v := 99
	return &v
}

func closureReturningAddr() func() *int {
	x := 5
	return func() *int { return &x }
}

func counter() (func() int, func() int) {
	c := 0
	return func() int { c++; return c }, func() int { return c }
}

func namedResult() (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = r*10 + 1
		}
	}()
	p := &r
	*p = 4
	panic("x")
}

func main() {
	// non-escaping: address-taken locals, method receivers, closures called directly
	x := 1
	p := &x
	*p = 2
	fmt.Println("x", x)
	var s S
	for i := 0; i < 3; i++ {
		s.inc()
	}
	fmt.Println("s", s.a)
	a := [4]int{1, 2, 3, 4}
	fmt.Println("sum", sum(&a))
	c := 0
	f := func() { c += 2 }
	f()
	f()
	fmt.Println("c", c)
	for i := 0; i < 3; i++ {
		var v int
		q := &v
		*q += i
		fmt.Print(v, " ")
	}
	fmt.Println()
	res := 0
	a0, a1 := 7, 6
	fa(8, &a0, &a1, &res)
	fmt.Println("fib-ish", res)

	// escaping: per-iteration variables whose addresses outlive the iteration
	var ps [3]*int
	for i := 0; i < 3; i++ {
		v := i * 10
		ps[i] = &v
	}
	fmt.Println("ps", *ps[0], *ps[1], *ps[2])
	var fs [3]func() int
	for i := 0; i < 3; i++ {
		fs[i] = func() int { return i * 100 }
	}
	fmt.Println("fs", fs[0](), fs[1](), fs[2]())
	var gs []func() int
	for i := range 3 {
		gs = append(gs, func() int { return -i })
	}
	fmt.Println("gs", gs[0](), gs[1](), gs[2]())
	var last *int
	for i := 0; i < 3; i++ {
		w := i + 1
		last = &w
	}
	fmt.Println("last", *last)
	var pp []*int
	for i := range 3 {
		pp = append(pp, &i)
	}
	fmt.Println("pp", *pp[0], *pp[1], *pp[2])

	// escaping: to globals, through callees, through results, through pointers
	y := 5
	leak(&y)
	y = 6
	z := 7
	global2 := id(&z)
	z = 8
	fmt.Println("leak", *global, *global2)
	var h holder
	k := 11
	store(&h, &k)
	w1, w2 := 1, 2
	chosen := pick(&w1, &w2, false)
	var s2 S
	s2.register()
	s2.a = 3
	clobber(20)
	fmt.Println("through", *h.p, *chosen, registered.a)
	var q *int
	func() {
		t := 42
		q = &t
	}()
	clobber(30)
	fmt.Println("closure local", *q)
	r := escapesToResult()
	clobber(10)
	fmt.Println("result", *r)
	g := closureReturningAddr()
	clobber(10)
	*g() += 1
	fmt.Println("closure addr", *g())
	inc, get := counter()
	inc()
	inc()
	clobber(10)
	fmt.Println("counter", get())
	var iface any = &x
	*iface.(*int) = 3
	fmt.Println("iface", x)
	m := 1
	mp := &m
	mpp := &mp
	n := 9
	*mpp = &n
	fmt.Println("double", *mp)
	done := make(chan bool)
	shared := 0
	go func() {
		shared = 17
		done <- true
	}()
	<-done
	fmt.Println("go", shared)
	fmt.Println("named", namedResult())
	bound := s.inc
	bound()
	fmt.Println("bound", s.a)
	nested := 0
	outer := func() {
		inner := func() { nested += 5 }
		inner()
		inner()
	}
	outer()
	fmt.Println("nested", nested)
}
