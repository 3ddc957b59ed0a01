// Interface method order is gc's (exported first, then by name; types.CompareSyms), in
// descriptors, itabs built at compile time and at run time, and in %T. Output from Go 1.27.3.
package main

import "fmt"

type I interface {
	Éa() string
	_b() string
	a() string
	B() string
	Z() string
}

type T struct{}

func (T) Éa() string { return "Éa" }
func (T) _b() string { return "_b" }
func (T) a() string  { return "a" }
func (T) B() string  { return "B" }
func (T) Z() string  { return "Z" }

type J interface {
	Z() string
	Éa() string
}

func main() {
	var i I = T{}
	fmt.Println(i.Éa(), i._b(), i.a(), i.B(), i.Z())
	var x any = T{}
	j := x.(J)
	fmt.Println(j.Z(), j.Éa())
	k := any(i).(interface{ a() string; Éa() string })
	fmt.Println(k.a(), k.Éa())
	fmt.Printf("%T\n", &i)
	fmt.Printf("%T\n", &k)
}
