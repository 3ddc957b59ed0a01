// Package variables are initialised in the spec's order: repeatedly the earliest variable in
// declaration order whose dependencies (through functions and methods too) are initialised; a
// variable without initialiser takes its turn like the others. gojit used a depth-first order and
// ignored dependencies through methods (gosweep fixedbugs/issue22326.go, issue43444.go,
// bug446.go). Expected output from Go 1.27.3.
package main

import "fmt"

var trace []string

func f(s string, rest ...int) int {
	trace = append(trace, s)
	return len(rest)
}

var (
	_ = d
	_ = f("_", c, b)
	a = f("a")
	b = f("b")
	c = f("c")
	d = f("d")
)

var p = f("p", q)
var r = f("r")
var q int
var s = f("s", u)
var u int = f("u")

type T int

func (T) Get() int     { return viaMethod }
func (t *T) PGet() int { return viaPtrMethod + int(*t) }

var fromValue = T(0).Get()
var fromExpr = T.Get(0)
var fromPtr = new(T).PGet()
var fromMethodValue = T(1).Get

var viaMethod = f("viaMethod") + 7
var viaPtrMethod = f("viaPtrMethod") + 8

var m1, m2 = pair()

func pair() (int, int) { return f("pair"), viaMethod }

func main() {
	fmt.Println(trace)
	fmt.Println(fromValue, fromExpr, fromPtr, fromMethodValue(), m1, m2)
}
