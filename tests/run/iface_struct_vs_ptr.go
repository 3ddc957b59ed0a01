package main

import "fmt"

type Mutator interface {
	Set(v int)
	Get() int
}

type Box struct{ v int }

func (b *Box) Set(v int) { b.v = v }
func (b *Box) Get() int  { return b.v }

type Getter interface{ Get() int }

type Val struct{ v int }

func (v Val) Get() int { return v.v }

func main() {
	b := Box{1}
	var m Mutator = &b
	m.Set(5)
	fmt.Println(b.v, m.Get())
	val := Val{3}
	var g Getter = val
	val.v = 4
	fmt.Println(g.Get(), val.Get())
	var g2 Getter = &val
	val.v = 9
	fmt.Println(g2.Get())
	var x interface{} = val
	var y interface{} = &val
	fmt.Printf("%v %v %T %T\n", x, y, x, y)
	_, isVal := x.(Val)
	_, isPtr := y.(*Val)
	fmt.Println(isVal, isPtr)
	copyOut := x.(Val)
	copyOut.v = 100
	fmt.Println(x, copyOut)
	y.(*Val).v = 77
	fmt.Println(val)
	var bp *Box
	var m2 Mutator = bp
	fmt.Println(bp == nil, m2 == nil, m2 != nil)
}
