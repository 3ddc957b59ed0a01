package main

import "fmt"

// Loops whose condition is tested again at the back-edge (loop rotation in gojit): the body must
// see the current iteration's index and variables, and the condition must be re-evaluated with
// the values the body and post statement left. Expected output: Go 1.27.3 (`go run`).

type box struct {
	n    int
	vals []int
}

func rangeIndex(s []int) int {
	sum := 0
	for i := range s {
		sum += i * s[i]
	}
	for i, v := range s {
		sum += i + v
	}
	return sum
}

func nested(bs []box) int {
	t := 0
	for i := range bs {
		for j := i + 1; j < len(bs); j++ {
			t += bs[i].n*10 + bs[j].n
		}
	}
	return t
}

func growing() []int {
	s := []int{1}
	for i := 0; i < len(s) && len(s) < 10; i++ {
		s = append(s, s[i]*2)
	}
	return s
}

func fields(b *box) int {
	k := 0
	for b.n > 0 {
		b.n--
		k++
	}
	for i := 0; i < len(b.vals) && b.vals[i] != 0; i++ {
		k += b.vals[i]
	}
	p := &b.n
	for *p < 5 {
		*p += 2
	}
	return k*100 + *p
}

func nilCond() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered: ", e)
		}
	}()
	b := &box{n: 3}
	for i := 0; b.n > i; i++ {
		if i == 1 {
			b = nil
		}
	}
	return "no panic"
}

func closures() []func() int {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	return fs
}

func labels() int {
	n := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			if j == 3 {
				continue outer
			}
			if i == 4 {
				break outer
			}
			n += i*j + 1
		}
	}
	return n
}

func runes(s string) (int, int) {
	a, b := 0, 0
	for i, r := range s {
		a += i
		b += int(r)
	}
	return a, b
}

func unsignedRange(n uint8) int {
	t := 0
	for i := range n {
		t += int(i)
	}
	return t
}

func modifiedInBody() int {
	t := 0
	for i := 0; i < 20; i++ {
		if i%3 == 0 {
			i += 2
		}
		t += i
	}
	return t
}

func main() {
	fmt.Println(rangeIndex([]int{5, 6, 7, 8}))
	fmt.Println(nested([]box{{n: 1}, {n: 2}, {n: 3}, {n: 4}}))
	fmt.Println(growing())
	fmt.Println(fields(&box{n: 3, vals: []int{4, 5, 0, 6}}))
	fmt.Println(nilCond())
	for _, f := range closures() {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	fmt.Println(labels())
	fmt.Println(runes("héllo, 世界"))
	fmt.Println(unsignedRange(200))
	fmt.Println(modifiedInBody())
	var empty []int
	for i := range empty {
		fmt.Println("never", i)
	}
	for i := 0; i < 0; i++ {
		fmt.Println("never", i)
	}
}
