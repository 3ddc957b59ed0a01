// Benchmark (hand-written half): hand_sum.go is generic_sum.go written for int by hand; compare with
// generic_sum.go (bench/README.md).
package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Sum(xs []int) int {
	var s int
	for _, x := range xs {
		s += x
	}
	return s
}

func Max(a, b int) int {
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
	var st Stack
	for round := 0; round < 100000; round++ {
		total += Sum(xs)
		st.Push(round)
		total = Max(total, st.Pop())
	}
	fmt.Println(total)
}
