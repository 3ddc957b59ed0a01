package main

import "fmt"

func swap(a, b *int) {
	*a, *b = *b, *a
}

func incr(p *int) { *p++ }

func newCounter() *int {
	c := 0
	return &c
}

func main() {
	x, y := 1, 2
	swap(&x, &y)
	fmt.Println(x, y)
	p := &x
	incr(p)
	incr(&x)
	fmt.Println(x, *p, p == &x)
	pp := &p
	**pp = 40
	fmt.Println(x)
	n := new(int)
	fmt.Println(*n)
	*n = 9
	fmt.Println(*n)
	s := new(string)
	*s += "abc"
	fmt.Println(*s, len(*s))
	type T struct{ A, B int }
	t := new(T)
	t.A = 3
	fmt.Println(*t, t.B)
	arr := new([3]int)
	arr[1] = 5
	fmt.Println(*arr, len(arr))
	sl := new([]int)
	*sl = append(*sl, 1, 2)
	fmt.Println(*sl)
	c1 := newCounter()
	c2 := newCounter()
	*c1 += 5
	fmt.Println(*c1, *c2, c1 != c2)
	var nilp *int
	fmt.Println(nilp == nil, nilp)
	elems := []int{10, 20, 30}
	ep := &elems[1]
	*ep = 200
	fmt.Println(elems)
	var q *T = &T{1, 2}
	q2 := q
	q2.B = 20
	fmt.Println(*q)
	bp := new(bool)
	fmt.Println(*bp, !*bp)
}
