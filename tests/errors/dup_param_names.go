// Parameter and result names of function types and interface methods (signatures without
// bodies) share one scope: duplicates are redeclarations (Go 1.27.3's messages).
package main

type T interface {
	F1(i int) (i int)
	F2(i, _, _ int) (_ int)
}

type T1 func(a, b int, a string)

func main() {
	var f func(x int) (y, x bool)
	_ = f
}
