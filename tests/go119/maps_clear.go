package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	alias := m
	for k := range m {
		delete(m, k)
	}
	fmt.Println(len(m), len(alias), m)
	m["d"] = 4
	fmt.Println(alias)
	s := []int{1, 2, 3, 4}
	t := s[1:3]
	for i := range t {
		t[i] = 0
	}
	fmt.Println(s, len(t))
	strs := []string{"x", "y"}
	for i := range strs {
		strs[i] = ""
	}
	fmt.Printf("%q\n", strs)
	var nm map[int]bool
	for k := range nm {
		delete(nm, k)
	}
	fmt.Println(len(nm))
	type P struct{ A, B int }
	ps := []P{{1, 2}, {3, 4}}
	for i := range ps {
		ps[i] = P{}
	}
	fmt.Println(ps)
}
