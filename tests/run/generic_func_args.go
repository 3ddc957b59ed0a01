// Generic functions passed uninstantiated to generic functions (Go 1.21): their type parameters
// are inferred together with the callee's (slices.SortFunc(s, slices.Compare), Map(s, Double)),
// and a channel argument's direction is ignored when inferring from `<-chan T`.
// Expected output from Go 1.27.3 (go run).
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func Apply[T any](s []T, f func(T, T) int) int { return f(s[0], s[1]) }

func Compare[S ~[]E, E cmp.Ordered](a, b S) int { return slices.Compare(a, b) }

func Map[T, U any](s []T, f func(T) U) []U {
	var r []U
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

func Double[T ~int | ~float64](x T) T { return x * 2 }

func Show[T any](x T) string { return fmt.Sprint("<", x, ">") }

type Celsius float64

func Drain[T any](c <-chan T) []T {
	var r []T
	for v := range c {
		r = append(r, v)
	}
	return r
}

func main() {
	all := [][]int{{3}, {1, 2}, {1}}
	slices.SortFunc(all, slices.Compare)
	fmt.Println(all)
	fmt.Println(Apply([]string{"a", "b"}, cmp.Compare))
	fmt.Println(Apply([][]int{{1}, {0}}, Compare))
	fmt.Println(Map([]float64{1.5, 2}, Double))
	fmt.Println(Map([]Celsius{10, 20}, Double))
	fmt.Println(Map(Map([]int{1, 2, 3}, Double), Show))
	fmt.Println(strings.Join(Map([]string{"x", "y"}, Show), ","))
	var g func(int) int = Double
	fmt.Println(g(4))
	words := []string{"pear", "Apple", "fig"}
	slices.SortFunc(words, strings.Compare)
	fmt.Println(words, slices.IndexFunc(words, func(s string) bool { return s == "fig" }))
	c := make(chan int, 3)
	c <- 1
	c <- 2
	close(c)
	fmt.Println(Drain(c))
}
