// fmt calling user methods that panic or misbehave: a panicking String/Error/Format/GoString
// (gc's %!v(PANIC=String method: ...)), a nil pointer receiver (<nil>), a panic with an error
// value, Formatter and GoStringer, and a panic inside fmt that is not from a method (bad
// argument index) — expected output from Go 1.27.3's go run.
package main

import (
	"errors"
	"fmt"
)

type Bad struct{ n int }

func (b *Bad) String() string {
	if b.n < 0 {
		panic(errors.New("negative"))
	}
	return fmt.Sprint("Bad#", b.n)
}

type BadErr struct{}

func (BadErr) Error() string { panic("boom in Error") }

type G struct{ A int }

func (g G) GoString() string { return "G!" }

type F int

func (f F) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	fmt.Fprintf(s, "F<%c %d %v %d %v %v %v>", verb, w, wok, p, pok, s.Flag('+'), s.Flag('#'))
}

type PF int

func (PF) Format(fmt.State, rune) { panic(fmt.Sprintf("format %d", 7)) }

type T struct {
	B *Bad
	E error
}

func main() {
	var nb *Bad
	fmt.Println(nb)
	fmt.Printf("%v %s %d\n", nb, nb, nb)
	fmt.Println(&Bad{3}, &Bad{-1})
	fmt.Printf("[%v] [%s] [%x]\n", &Bad{-1}, &Bad{-2}, &Bad{-3})
	fmt.Println(BadErr{})
	fmt.Printf("%v|%+v|%#v\n", T{&Bad{1}, BadErr{}}, T{nil, nil}, G{2})
	fmt.Printf("%v %+8.3x %#v\n", F(1), F(2), F(3))
	fmt.Println(PF(0))
	fmt.Printf("%[3]d %[1]d %d\n", 1, 2, 3)
	fmt.Printf("%[5]d %!\n", 1)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	s := fmt.Sprint(nb, " ", &Bad{-4})
	fmt.Println(len(s), s)
	defer func() { fmt.Println("recovered:", recover()) }()
	var m map[string]int
	fmt.Println(fmt.Sprint(func() int { m["x"] = 1; return 1 }()))
}
