package main

import "fmt"

type T struct {
	A int
	B string
}

func main() {
	s := make([]int, 2, 5)
	fmt.Println(len(s), cap(s), s)
	s2 := make([]string, 3)
	fmt.Printf("%q %d %d\n", s2, len(s2), cap(s2))
	m := make(map[string]T)
	m["k"] = T{1, "x"}
	fmt.Println(len(m), m)
	delete(m, "k")
	fmt.Println(len(m))
	p := new(T)
	p.A = 5
	fmt.Println(*p)
	a := [5]int{}
	fmt.Println(len(a), cap(a), len(a[1:3]), cap(a[1:3]))
	str := "héllo"
	fmt.Println(len(str), len([]rune(str)))
	dst := make([]int, 3)
	n := copy(dst, []int{9, 8, 7, 6})
	fmt.Println(n, dst)
	s = append(s, 1, 2, 3, 4)
	fmt.Println(s, len(s), cap(s) >= 6)
	var ms map[string]int
	fmt.Println(len(ms))
	const k = len("const")
	fmt.Println(k)
	var parr *[7]int
	fmt.Println(len(parr), cap(parr))
	bs := make([]byte, 0, 16)
	bs = append(bs, "abc"...)
	bs = append(bs, 'd')
	fmt.Println(string(bs), len(bs), cap(bs))
	var sl []T
	sl = append(sl, T{}, T{A: 2})
	fmt.Println(sl)
	z := make([]float64, 2)
	fmt.Println(z)
}
