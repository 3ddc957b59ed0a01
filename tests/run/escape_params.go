// Escape analysis (src/lower/escape.rs): address-taken parameters, results and value receivers,
// closures and addresses created per iteration and stored in maps, slices and arrays.
package main

import "fmt"

type T struct{ v int }

func (t T) addrOfRecv() int { p := &t.v; *p += 1; return t.v }

func param(x int, s []int) (r int) {
	p := &x
	*p *= 2
	q := &r
	*q = x + len(s)
	f := func() { r++ }
	f()
	return
}

func loopClosures() int {
	total := 0
	for i := 0; i < 4; i++ {
		acc := i
		add := func(d int) { acc += d }
		add(i)
		add(1)
		total += acc
	}
	return total
}

func sel(n int) int {
	ch := make(chan int, 1)
	v := n
	select {
	case ch <- v:
	default:
	}
	p := &v
	*p = 0
	return <-ch + v
}

func main() {
	fmt.Println(T{4}.addrOfRecv(), param(5, []int{1, 2}), loopClosures(), sel(9))
	var fs []func() int
	for i := 0; i < 3; i++ {
		x := i
		f := func() int { return x }
		g := f
		fs = append(fs, g)
	}
	fmt.Println(fs[0](), fs[1](), fs[2]())
	m := map[int]*int{}
	for i := 0; i < 3; i++ {
		y := i * 2
		m[i] = &y
	}
	fmt.Println(*m[0], *m[1], *m[2])
	var arr [3]*int
	for i := range arr {
		z := i + 7
		arr[i] = &z
	}
	sl := arr[:]
	fmt.Println(*sl[0], *sl[1], *sl[2])
}
