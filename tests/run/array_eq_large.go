package main

import "fmt"

type Big [100]int
type Pair struct {
	a [70]string
	n int
}

func main() {
	var x, y Big
	fmt.Println(x == y)
	y[99] = 1
	fmt.Println(x == y, x != y)
	x[99] = 1
	fmt.Println(x == y)
	var p, q Pair
	q.a[69] = "z"
	fmt.Println(p == q)
	p.a[69] = "z"
	fmt.Println(p == q)
	var s [3]int
	t := [3]int{0, 0, 1}
	fmt.Println(s == t, s != t)
	var ifs, ift [20]interface{}
	ift[19] = 2
	fmt.Println(ifs == ift)
	ifs[19] = 2
	fmt.Println(ifs == ift)
}
