package main

import (
	"errors"
	"fmt"
)

type Name struct{ first, last string }

func (n Name) String() string { return n.first + " " + n.last }

type Person struct {
	Name
	age int
}

type Err struct{ code int }

func (e *Err) Error() string { return fmt.Sprint("code ", e.code) }

type Wrapped struct{ *Err }

func main() {
	p := Person{Name{"Ada", "Lovelace"}, 36}
	fmt.Println(p)
	fmt.Printf("%v %s\n", p, p)
	var s fmt.Stringer = p
	fmt.Println(s.String())
	w := Wrapped{&Err{7}}
	fmt.Println(w)
	var e error = w
	fmt.Println(e, errors.Unwrap(e) == nil)
	pp := &p
	fmt.Println(pp)
}
