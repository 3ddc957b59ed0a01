package main

// Issue 14: struct and array equality compares field by field (element by element) in order
// and stops at the first difference, so an uncomparable dynamic type in a later field is never
// compared (gc prints false three times). Expected output from Go 1.27.3.

import "fmt"

type S struct {
	a, b interface{}
}

type K struct {
	n int
	s string
	x interface{}
}

func main() {
	fmt.Println(S{1, []int{}} == S{2, []int{}})
	var x, y interface{} = S{1, []int{}}, S{2, []int{}}
	fmt.Println(x == y)
	fmt.Println([2]interface{}{1, []int{}} == [2]interface{}{2, []int{}})
	fmt.Println(K{1, "a", []int{}} == K{2, "a", []int{}}, K{1, "a", []int{}} == K{1, "b", []int{}})
	fmt.Println(S{1, []int{}} != S{2, []int{}}, [3]interface{}{"x", 1, map[int]int{}} != [3]interface{}{"x", 2, map[int]int{}})
	var big, big2 [20]interface{}
	big[3], big2[3] = 1, 2
	big[4], big2[4] = []int{}, []int{}
	fmt.Println(big == big2)
}
