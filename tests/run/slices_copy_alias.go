package main

import "fmt"

func fill(s []int, v int) {
	for i := range s {
		s[i] = v
	}
}

func grow(s []int) []int {
	return append(s, 99)
}

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3]
	b[0] = 20
	fmt.Println(a, b, len(b), cap(b))
	b = append(b, 30)
	fmt.Println(a, b)
	c := make([]int, 3)
	n := copy(c, a)
	fmt.Println(n, c)
	n = copy(a, a[2:])
	fmt.Println(n, a)
	n = copy(a[1:], []int{7, 8, 9, 10, 11, 12})
	fmt.Println(n, a)
	bs := make([]byte, 3)
	n = copy(bs, "hello")
	fmt.Println(n, string(bs))
	fill(a[:2], 0)
	fmt.Println(a)
	d := make([]int, 2, 4)
	e := grow(d)
	f := grow(d)
	e[2] = 5
	fmt.Println(d, e, f)
	g := []int{1, 2}
	h := grow(g)
	h[0] = 100
	fmt.Println(g, h)
	var nilS []int
	fmt.Println(copy(nilS, a), nilS == nil, len(nilS[:0]))
	empty := []int{}
	fmt.Println(empty == nil, len(empty))
	s2 := a[:0]
	for _, v := range a {
		if v != 0 {
			s2 = append(s2, v)
		}
	}
	fmt.Println(s2, a)
	// range evaluates the slice once
	r := []int{1, 2, 3}
	for i, v := range r {
		if i == 0 {
			r = append(r, 4)
			r[1] = 50
		}
		fmt.Print(v, " ")
	}
	fmt.Println(r)
}
