// The expectation is Go 1.27.3's `go build` output: nil is not a value of a type parameter
// whose type set has a type without nil (int), nor of one with no specific types (any).
package main

type A struct{ x int }

func z[T interface{ *A | int }]() T { return nil }

func y[T any](v T) bool { return v == nil }

func main() {
	_ = z[*A]()
	_ = y(1)
}
