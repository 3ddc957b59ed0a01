// A generic program once refused (generics were unsupported). Expected output from Go 1.27.3 (go run).
package main

import "fmt"

func Map[T any](xs []T, f func(T) T) []T {
	return xs
}

func main() {
	fmt.Println(Map([]int{1}, func(x int) int { return x }))
}
