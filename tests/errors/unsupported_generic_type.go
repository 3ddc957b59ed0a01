// gojit does not support generics: expected first diagnostic is gojit's own, at the `[` opening
// the type parameter list.
package main

type Stack[T any] struct {
	items []T
}

func main() {
	var s Stack[int]
	_ = s
}
