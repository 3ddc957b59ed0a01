// gojit does not support generics: expected first diagnostic is gojit's own, at the `[` opening
// the type parameter list.
package main

import "fmt"

func Map[T any](xs []T, f func(T) T) []T {
	return xs
}

func main() {
	fmt.Println(Map([]int{1}, func(x int) int { return x }))
}
