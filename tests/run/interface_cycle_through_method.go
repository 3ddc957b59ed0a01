package main

import "fmt"

// An interface may embed one whose method mentions it (Go's fixedbugs/bug250): the cycle
// passes through a method signature, not through embedding alone.

type I1 interface {
	m() I2
}

type I2 interface {
	I1
}

type J2 interface {
	J1
	n() string
}

type J1 interface {
	m() J2
}

type T struct{ name string }

func (t T) m() I2 { return T{t.name + "'"} }

type U struct{}

func (U) m() J2    { return U{} }
func (U) n() string { return "U.n" }

var i1 I1 = T{"a"}
var i2 I2 = i1
var i2a I2 = i1

func main() {
	fmt.Println(i2.m().m().(T).name, i2a.(T).name)
	var j J2 = U{}
	var j1 J1 = j
	fmt.Println(j1.m().n())
	fmt.Printf("%T %T\n", i2, j1)
}
