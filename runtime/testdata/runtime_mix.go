package main

import (
	"fmt"
	"strings"
)

func main() {
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i] = i * i
	}
	n := 0
	for k := range m {
		if k%2 == 0 {
			delete(m, k+1)
		}
		n++
	}
	fmt.Println(len(m), n <= 1000)
	sum := 0
	for k, v := range m {
		sum += k + v
	}
	fmt.Println(sum)
	delete(m, 0)
	_, ok := m[0]
	v, ok2 := m[2]
	fmt.Println(ok, v, ok2, len(m))
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), m)
	var s []int
	caps := []int{}
	for i := 0; i < 600; i++ {
		s = append(s, i)
		if len(caps) == 0 || caps[len(caps)-1] != cap(s) {
			caps = append(caps, cap(s))
		}
	}
	fmt.Println(caps)
	b := []byte("héllo")
	r := []rune("héllo\xff")
	fmt.Println(len(b), cap(b), len(r), string(r), string(b[1:3]), string(rune(0x4e16)), string(rune(-1)))
	for i, c := range "a\xffé" {
		fmt.Print(i, ":", c, " ")
	}
	fmt.Println()
	fmt.Println(strings.Split("a,b,c", ","), strings.Join([]string{"x", "y"}, "-"), strings.Repeat("ab", 3), strings.ToUpper("héllo"), strings.Fields(" a  b "), strings.Replace("aaa", "a", "b", 2), strings.TrimSpace("  x  "))
	fmt.Printf("%q %v %d\n", strings.Trim("xxhixx", "x"), strings.HasPrefix("golang", "go"), strings.Index("chicken", "ken"))
	type K struct {
		A int
		B string
	}
	km := map[K]int{{1, "a"}: 1, {0, "b"}: 2, {1, "0"}: 3}
	fmt.Println(km)
	im := map[interface{}]int{1: 1, 2: 2, 3: 3}
	fmt.Println(len(im), im[2])
	fm := map[float64]string{2.5: "x", -1: "y", 0: "z"}
	fmt.Println(fm)
	println("print", 1, true, 2.5, "s")
	var e interface{} = 5
	var f interface{} = 5
	fmt.Println(e == f, s == nil)
	defer func() { fmt.Println("recovered:", recover()) }()
	bad := map[interface{}]int{}
	bad[[]int{1}] = 2
}
