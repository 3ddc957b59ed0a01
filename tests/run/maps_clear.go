package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	alias := m
	clear(m)
	fmt.Println(len(m), len(alias), m)
	m["d"] = 4
	fmt.Println(alias)
	s := []int{1, 2, 3, 4}
	t := s[1:3]
	clear(t)
	fmt.Println(s, len(t))
	strs := []string{"x", "y"}
	clear(strs)
	fmt.Printf("%q\n", strs)
	var nm map[int]bool
	clear(nm)
	fmt.Println(len(nm))
	type P struct{ A, B int }
	ps := []P{{1, 2}, {3, 4}}
	clear(ps)
	fmt.Println(ps)
}
