// Current Go (>= 1.24) prints this on one line: "value of struct type Sq", "as Shape value in
// variable declaration: Sq does not implement Shape (missing method Area)"; Go 1.19 printed two
// lines with "as type Shape". The expectation follows current Go.
package main

type Shape interface {
	Area() float64
	Name() string
}

type Sq struct{}

func (Sq) Name() string { return "sq" }

func main() {
	var s Shape = Sq{}
	_ = s
}
