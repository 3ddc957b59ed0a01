// Current Go (>= 1.24) says "value of struct type Box" and "as Setter value ...: Box does not
// implement Setter (method Set has pointer receiver)" on one line; Go 1.19 printed two lines with
// "as type Setter". The expectation follows current Go.
package main

type Setter interface{ Set(int) }

type Box struct{ v int }

func (b *Box) Set(v int) { b.v = v }

func main() {
	var s Setter = Box{}
	_ = s
}
