package main

import (
	"errors"
	"fmt"
)

type B struct{ n int }

func (b B) String() string {
	if b.n == 1 {
		panic("boom")
	}
	return "B!"
}

type P struct{ s string }

func (p *P) String() string { return p.s }

type E struct{}

func (E) Error() string { panic(errors.New("bad error")) }

func main() {
	fmt.Println(B{0}, B{1})
	var p *P
	fmt.Println(p)
	fmt.Printf("%v|%s|%d\n", B{1}, E{}, B{0})
	fmt.Println(&P{"hi"}, []fmt.Stringer{B{0}, &P{"x"}})
	m := map[B]int{{0}: 1}
	fmt.Println(m)
	var e error = E{}
	fmt.Printf("%v\n", e)
	fmt.Println("done")
}
