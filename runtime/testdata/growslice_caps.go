package main

import "fmt"

type t12 struct{ a, b, c int32 }

func main() {
	var a []int
	last := -1
	for i := 0; i < 2000; i++ {
		a = append(a, i)
		if cap(a) != last { fmt.Print(cap(a), ", "); last = cap(a) }
	}
	fmt.Println()
	var b []byte
	last = -1
	for i := 0; i < 5000; i++ {
		b = append(b, 1)
		if cap(b) != last { fmt.Print(cap(b), ", "); last = cap(b) }
	}
	fmt.Println()
	var s []string
	last = -1
	for i := 0; i < 1000; i++ {
		s = append(s, "")
		if cap(s) != last { fmt.Print(cap(s), ", "); last = cap(s) }
	}
	fmt.Println()
	var sl [][]int
	last = -1
	for i := 0; i < 600; i++ {
		sl = append(sl, nil)
		if cap(sl) != last { fmt.Print(cap(sl), ", "); last = cap(sl) }
	}
	fmt.Println()
	var x []t12
	last = -1
	for i := 0; i < 600; i++ {
		x = append(x, t12{})
		if cap(x) != last { fmt.Print(cap(x), ", "); last = cap(x) }
	}
	fmt.Println()
	fmt.Println(cap(append([]int{}, 1, 2, 3, 4, 5)), cap(append([]byte{}, 1, 2, 3, 4, 5)))
}
