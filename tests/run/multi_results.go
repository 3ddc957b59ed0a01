package main

import "fmt"

func divmod(a, b int) (int, int) { return a / b, a % b }

func minmax(xs []int) (lo, hi int) {
	lo, hi = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
	}
	return
}

func three() (string, int, bool) { return "s", 3, true }

func pass() (int, int) { return divmod(17, 5) }

func sum2(a, b int) int { return a + b }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(divmod(-17, 5))
	lo, hi := minmax([]int{5, -2, 9, 3})
	fmt.Println(lo, hi)
	s, n, ok := three()
	fmt.Println(s, n, ok)
	_, n2, _ := three()
	fmt.Println(n2)
	fmt.Println(sum2(pass()))
	fmt.Println(pass())
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	x, y, z := 1, 2, 3
	x, y, z = z, x, y
	fmt.Println(x, y, z)
	arr := []int{0, 1, 2}
	i := 0
	i, arr[i] = 1, 9
	fmt.Println(i, arr)
	var m = map[string]int{}
	m["a"], m["b"] = divmod(7, 2)
	fmt.Println(m)
	f := func() (int, error) { return 1, nil }
	v, err := f()
	fmt.Println(v, err)
}
