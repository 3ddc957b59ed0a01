// Benchmark (generic half): a generic container and reduction instantiated at int. Compare with
// hand_sum.go, the same code written for int by hand (bench/README.md).
package main

import "fmt"

type Number interface{ ~int | ~int64 | ~float64 }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i
	}
	total := 0
	var st Stack[int]
	for round := 0; round < 100000; round++ {
		total += Sum(xs)
		st.Push(round)
		total = Max(total, st.Pop())
	}
	fmt.Println(total)
}
