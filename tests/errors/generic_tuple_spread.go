// The expectation is Go 1.27.3's `go build` output: a spread multi-value argument is counted
// against the generic signature before inference.
package main

func three() (int, int, int) { return 1, 2, 3 }

func try[T any](v T, err error) T { return v }

func main() {
	_ = try(three())
}
