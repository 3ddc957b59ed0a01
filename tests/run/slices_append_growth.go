package main

import "fmt"

// Every slice grown here escapes (stored in sink): gc 1.25+ gives a non-escaping append a 32-byte
// stack backing store first (cmd/compile's VariableMakeThreshold), which gojit does not model
// (no escape analysis); with the slices escaping, the capacities are runtime.growslice's alone.
var sink []interface{}

func keep(v interface{}) { sink = append(sink[:0], v) }

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	prev := -1
	for i := 0; i < 2000; i++ {
		keep(s)
		s = append(s, i)
		if cap(s) != prev {
			fmt.Println("len", len(s), "cap", cap(s))
			prev = cap(s)
		}
	}
	var b []byte
	prev = -1
	for i := 0; i < 100; i++ {
		keep(b)
		b = append(b, byte(i))
		if cap(b) != prev {
			fmt.Print(cap(b), " ")
			prev = cap(b)
		}
	}
	fmt.Println()
	var st []string
	prev = -1
	for i := 0; i < 100; i++ {
		keep(st)
		st = append(st, "x")
		if cap(st) != prev {
			fmt.Print(cap(st), " ")
			prev = cap(st)
		}
	}
	fmt.Println()
	m := make([]int, 3, 10)
	fmt.Println(m, len(m), cap(m))
	m = append(m, 1, 2, 3, 4, 5, 6, 7, 8)
	fmt.Println(m, len(m), cap(m))
	x := append([]int{1, 2, 3}, 4)
	fmt.Println(x, len(x), cap(x))
	y := append([]int(nil), 1, 2, 3, 4, 5)
	fmt.Println(len(y), cap(y))
	z := append(make([]int, 0, 5), make([]int, 7)...)
	fmt.Println(len(z), cap(z))
	type big struct{ a, b, c int64 }
	var bs []big
	prev = -1
	for i := 0; i < 50; i++ {
		keep(bs)
		bs = append(bs, big{})
		if cap(bs) != prev {
			fmt.Print(cap(bs), " ")
			prev = cap(bs)
		}
	}
	fmt.Println()
}
