package main

import "fmt"

type Acc struct{ total int }

func (a *Acc) Add(n int)   { a.total += n }
func (a Acc) Show() string { return fmt.Sprint("total=", a.total) }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Scale float64

func (s Scale) Of(x float64) float64 { return float64(s) * x }

func apply(f func(int), xs ...int) {
	for _, x := range xs {
		f(x)
	}
}

func main() {
	a := &Acc{}
	add := a.Add
	apply(add, 1, 2, 3)
	fmt.Println(a.total)
	show := a.Show // receiver copied now
	a.Add(100)
	fmt.Println(show(), a.Show())
	v := Acc{5}
	showV := v.Show
	v.total = 6
	fmt.Println(showV())
	addExpr := (*Acc).Add
	addExpr(a, 1000)
	fmt.Println(a.total)
	showExpr := Acc.Show
	fmt.Println(showExpr(Acc{7}))
	showPtrExpr := (*Acc).Show
	fmt.Println(showPtrExpr(a))
	var plus Op = func(x, y int) int { return x + y }
	fmt.Println(plus.Apply(3, 4))
	ap := plus.Apply
	fmt.Println(ap(10, 20))
	half := Scale(0.5)
	fs := []func(float64) float64{half.Of, Scale(3).Of}
	for _, f := range fs {
		fmt.Println(f(8))
	}
	of := Scale.Of
	fmt.Println(of(2, 21))
	var local Acc
	addLocal := local.Add // auto-address: binds &local
	addLocal(5)
	addLocal(6)
	fmt.Println(local.total)
	var sh Shower = Acc{9}
	sf := sh.Show // method value from an interface
	sh = Acc{10}
	fmt.Println(sf(), sh.Show())
	ie := Shower.Show // method expression on an interface type
	fmt.Println(ie(Acc{11}), ie(&Acc{12}))
	fmt.Printf("%T\n%T\n", ie, addExpr)
}

type Shower interface{ Show() string }
