package main

// Method-expression lookup failures use the selector's reasons (types2 call.go).

type I interface{ M() }

type A struct{ I }
type B struct{ I }
type C struct {
	A
	B
}

type S struct{ f int }

func main() {
	_ = C.M
	_ = (*I).M
	_ = S.f
	_ = S.g
}
