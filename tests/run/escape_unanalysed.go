// Functions escape analysis leaves unanalysed (goto, range over func): every captured or
// address-taken variable stays in a heap box and per-iteration addresses stay distinct.
package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func withGoto() int {
	var ps []*int
	i := 0
loop:
	v := i
	ps = append(ps, &v)
	i++
	if i < 3 {
		goto loop
	}
	return *ps[0] + *ps[1]*10 + *ps[2]*100
}

func withRangeFunc() int {
	var ps []*int
	s := 0
	for x := range seq(3) {
		y := x + 1
		ps = append(ps, &y)
		p := &s
		*p += x
	}
	return s + *ps[0] + *ps[1]*10 + *ps[2]*100
}

func main() {
	fmt.Println(withGoto(), withRangeFunc())
}
