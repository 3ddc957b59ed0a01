// Assignability through type sets: gc's causes (Go 1.27.3, go vet).
package main

type MyBytes []byte

func H[T []int | []string](t T) []int { return t }

func K[T ~[]int]() T { var s []string; return s }

func main() { _, _ = H[[]int], K[[]int] }
