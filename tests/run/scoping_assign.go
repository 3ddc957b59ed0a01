package main

import "fmt"

var global = 10

var (
	ga, gb = 1, "two"
	gc     float64
)

func shadowGlobal() int {
	global := 5
	global++
	return global
}

func main() {
	x := 1
	{
		x := 2
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	if x := 10; x > 5 {
		fmt.Println("if-scope", x)
	} else if y := x * 2; y > 0 {
		fmt.Println("else-if", y)
	} else {
		fmt.Println("else", x, y)
	}
	fmt.Println(x, shadowGlobal(), global, ga, gb, gc)
	global += 5
	fmt.Println(global)
	a, b := 5, 3
	a += b
	a -= 1
	a *= 2
	a /= 3
	a %= 3
	b <<= 2
	b >>= 1
	b |= 1
	b &= 7
	b ^= 2
	b &^= 1
	fmt.Println(a, b)
	a++
	b--
	fmt.Println(a, b)
	s := "ab"
	s += "cd"
	fmt.Println(s)
	f := 1.5
	f *= 4
	f -= 0.5
	fmt.Println(f)
	arr := []int{1, 2, 3}
	arr[1] += 10
	arr[2]++
	fmt.Println(arr)
	m := map[string]int{}
	m["k"] += 3
	m["k"] *= 7
	fmt.Println(m)
	var p struct{ n int }
	p.n += 4
	pp := &p
	pp.n--
	fmt.Println(p)
	x, z := 100, 200 // redeclaration: x reused, z new
	fmt.Println(x, z)
	var (
		u int
		v = "v"
	)
	_, _ = u, v
	var w, q int = 7, 8
	fmt.Println(w, q, u, v)
	const local = "c"
	fmt.Println(local)
	var _ = 5
	_ = x
}
