// Results of a multi-value call received as interface values are converted: `return h()` from a
// function returning (Reader, bool) with h returning (*Buffer, bool), and the same in
// assignments, := redeclarations, var declarations and package variables. The lowering stored
// the *Buffer word as an interface (internal compiler error) (gosweep fixedbugs/bug184.go).
// Expected output from Go 1.27.3.
package main

import "fmt"

type Buffer int

func (b *Buffer) Read() string { return fmt.Sprint("read ", *b) }

type Reader interface{ Read() string }

func h() (*Buffer, bool) { b := Buffer(7); return &b, true }

func i() (Reader, bool) { return h() }

func j() (r Reader, ok bool) {
	defer func() { ok = !ok }()
	return h()
}

var pr, pok = h()
var pir, piok interface{} = h()

func main() {
	r, ok := i()
	fmt.Println(r.Read(), ok)
	r2, ok2 := j()
	fmt.Println(r2.Read(), ok2)
	var r3 Reader
	r3, ok = h()
	fmt.Println(r3.Read(), ok)
	var r4, ok4 interface{} = h()
	fmt.Println(r4.(*Buffer).Read(), ok4)
	r5, ok5 := r3, false
	r5, ok6 := h()
	fmt.Println(r5.Read(), ok5, ok6)
	fmt.Println(pr.Read(), pok, pir.(Reader).Read(), piok)
}
