package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var ps []*int
	for i := 0; i < 3; i++ {
		ps = append(ps, &i)
	}
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g())
	}
	fmt.Println()
	var hs []func() int
	for i := 0; i < 6; i++ {
		if i%2 == 0 {
			i++ // modifying the per-iteration copy affects the next iteration's start value
		}
		hs = append(hs, func() int { return i * 10 })
	}
	for _, h := range hs {
		fmt.Print(h(), " ")
	}
	fmt.Println()
	m := map[string]func() string{}
	for k, v := range map[string]int{"x": 1} {
		m[k] = func() string { return fmt.Sprint(k, v) }
	}
	fmt.Println(m["x"]())
	var ks []func() int
	for i := range 3 {
		ks = append(ks, func() int { return i * i })
	}
	for _, k := range ks {
		fmt.Print(k(), " ")
	}
	fmt.Println()
}
