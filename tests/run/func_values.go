package main

import "fmt"

type BinOp func(int, int) int

func apply(op BinOp, a, b int) int { return op(a, b) }

func mapInts(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func filter(xs []int, keep func(int) bool) []int {
	var out []int
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func reduce(xs []int, init int, f func(int, int) int) int {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func add(a, b int) int { return a + b }

func main() {
	ops := map[string]BinOp{
		"add": add,
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	for _, name := range []string{"add", "sub", "mul"} {
		fmt.Println(name, apply(ops[name], 7, 3))
	}
	xs := []int{1, 2, 3, 4, 5, 6}
	sq := mapInts(xs, func(x int) int { return x * x })
	ev := filter(sq, func(x int) bool { return x%2 == 0 })
	fmt.Println(sq, ev, reduce(ev, 0, add))
	var f func(int) int
	fmt.Println(f == nil)
	f = func(x int) int { return -x }
	fmt.Println(f != nil, f(3))
	fmt.Printf("%T\n", f)
	fmt.Printf("%T\n", ops["add"])
	g := add
	fmt.Println(g(1, 1))
	var h interface{} = add
	if fn, ok := h.(func(int, int) int); ok {
		fmt.Println("asserted func:", fn(20, 22))
	}
	table := []struct {
		name string
		fn   func(float64) float64
	}{
		{"half", func(x float64) float64 { return x / 2 }},
		{"sq", func(x float64) float64 { return x * x }},
	}
	for _, t := range table {
		fmt.Println(t.name, t.fn(3))
	}
}
