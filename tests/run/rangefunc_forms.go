package main

import "fmt"

type Seq[V any] func(yield func(V) bool)
type Seq2[K, V any] func(yield func(K, V) bool)

func Count(n int) Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func Enumerate[T any](s []T) Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Filter[V any](s Seq[V], keep func(V) bool) Seq[V] {
	return func(yield func(V) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func Collect[V any](s Seq[V]) []V {
	var out []V
	for v := range s {
		out = append(out, v)
	}
	return out
}

func times(n int) func(func() bool) {
	return func(yield func() bool) {
		for range n {
			if !yield() {
				return
			}
		}
	}
}

type tree struct {
	left, right *tree
	val         int
}

func (t *tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.left.walk(yield) && yield(t.val) && t.right.walk(yield)
}

func (t *tree) All(yield func(int) bool) { t.walk(yield) }

func insert(t *tree, v int) *tree {
	if t == nil {
		return &tree{val: v}
	}
	if v < t.val {
		t.left = insert(t.left, v)
	} else {
		t.right = insert(t.right, v)
	}
	return t
}

func main() {
	fmt.Println(Collect(Filter(Count(20), func(x int) bool { return x%3 == 0 })))
	for i, s := range Enumerate([]string{"x", "y", "z"}) {
		fmt.Println(i, s)
	}
	for i := range Enumerate([]float64{1.5, 2.5}) {
		fmt.Println("key only", i)
	}
	for _, s := range Enumerate([]string{"p", "q"}) {
		fmt.Println("value only", s)
	}
	n := 0
	for range times(5) {
		n++
	}
	fmt.Println("times", n)
	var t *tree
	for _, v := range []int{5, 3, 8, 1, 4, 9, 7} {
		t = insert(t, v)
	}
	for v := range t.All {
		if v > 7 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	// closures capture a fresh iteration variable per call of the body
	var fs []func() int
	for v := range Count(3) {
		fs = append(fs, func() int { return v * v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	// assignment form with an index expression and a struct field
	var arr [3]int
	var st struct{ k int }
	for st.k, arr[st.k%3] = range Enumerate([]int{10, 20, 30, 40}) {
	}
	fmt.Println(st.k, arr)
	// the iterator as a func literal, break from inside a switch and a select-free inner loop
	for x := range func(yield func(string) bool) {
		for _, s := range []string{"a", "b", "stop", "c"} {
			if !yield(s) {
				fmt.Println("iterator told to stop")
				return
			}
		}
	} {
		switch x {
		case "stop":
			fmt.Println("breaking at", x)
		default:
			fmt.Println("got", x)
			continue
		}
		break
	}
	// labelled continue of a regular for loop from inside a range-over-func body
	total := 0
rows:
	for r := 0; r < 4; r++ {
		for c := range Count(4) {
			if c > r {
				continue rows
			}
			if r == 3 {
				break rows
			}
			total += r*10 + c
		}
	}
	fmt.Println("total", total)
}
