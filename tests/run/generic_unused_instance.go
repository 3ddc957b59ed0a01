// A generic program once refused (generics were unsupported). Expected output from Go 1.27.3 (go run).
package main

type Stack[T any] struct {
	items []T
}

func main() {
	var s Stack[int]
	_ = s
}
