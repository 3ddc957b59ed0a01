// Reverse type inference (types2): a bare generic function takes its type arguments from the
// type it is assigned to — assignments, typed variable declarations, arguments of ordinary
// functions, return statements, qualified names (not parenthesised ones: gc rejects `f = (g)`); and a package variable
// initialised with an instance of a generic function declared later.
// Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"strconv"
)

var m = New[int]().M

func New[X any]() *T[X] { return new(T[X]) }

type T[X any] [4]int

func (*T[X]) M() string { return "M" }

func g1[P any](x P) P    { return x }
func g2[P, Q any](x P) Q { var q Q; return q }

func apply(f func(int) string, x int) string { return f(x) }

func pick[K comparable, V any](m map[K]V, k K) V { return m[k] }

func conv[T ~int](x T) string { return strconv.Itoa(int(x)) }

func picker() func(map[string]float64, string) float64 { return pick }

type myInt int

func main() {
	var f1 func(int) int
	f1 = g1
	var f2 func(string) bool = g2
	f3 := func(x myInt) string { return "" }
	f3 = conv
	fmt.Println(f1(7), f2("x"), f3(9), apply(conv, 12), m())
	fmt.Println(picker()(map[string]float64{"a": 1.5}, "a"))
	fmt.Printf("%T %T\n", f1, f2)
}
