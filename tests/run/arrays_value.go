package main

import "fmt"

type Grid [3][3]int

func modify(a [4]int) [4]int {
	a[0] = 100
	return a
}

func modifyPtr(a *[4]int) {
	a[1] = 200
}

func main() {
	a := [4]int{1, 2, 3, 4}
	b := a
	b[0] = 99
	fmt.Println(a, b, a == b)
	c := modify(a)
	fmt.Println(a, c)
	modifyPtr(&a)
	fmt.Println(a, len(a), cap(a))
	d := [...]string{"x", "y", "z"}
	fmt.Println(d, len(d))
	e := [5]int{1: 10, 3: 30}
	fmt.Println(e)
	var g Grid
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			g[i][j] = i*3 + j
		}
	}
	h := g
	h[1][1] = -1
	fmt.Println(g, h, g == h)
	h[1][1] = 4
	fmt.Println(g == h)
	arr := [3]bool{}
	fmt.Println(arr, arr == [3]bool{false, false, false})
	type P struct{ X, Y int }
	ps := [2]P{{1, 2}, {3, 4}}
	qs := ps
	qs[0].X = 9
	fmt.Println(ps, qs, ps != qs)
	s := a[1:3]
	s[0] = 7
	fmt.Println(a, s)
	for i, v := range d {
		fmt.Print(i, v, ";")
	}
	fmt.Println()
	var zero [0]int
	fmt.Println(zero, len(zero))
	m := map[[2]int]string{{1, 2}: "a", {0, 0}: "origin"}
	fmt.Println(m[[2]int{1, 2}], m[[2]int{0, 0}], len(m))
	pa := &a
	fmt.Println(pa[2], len(pa))
	for i := range pa {
		pa[i] *= 2
	}
	fmt.Println(a)
}
