// A generic type whose declaration instantiates itself with a type built from its own type
// parameter would need infinitely many instances: gc's instantiation cycle (types2's
// monomorphization check), reported at the type parameter. Expected diagnostics from Go 1.27.3.
package main

type List[T any] struct {
	next *List[[]T]
	v    T
}

func main() {
	var l List[int]
	_ = l
}
