package main

import "fmt"

func bubble(a []int) int {
	swaps := 0
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
				swaps++
			}
		}
	}
	return swaps
}

func insertion(a []string) {
	for i := 1; i < len(a); i++ {
		k := a[i]
		j := i - 1
		for j >= 0 && a[j] > k {
			a[j+1] = a[j]
			j--
		}
		a[j+1] = k
	}
}

func quick(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	l, r := 0, len(a)-1
	for l <= r {
		for a[l] < p {
			l++
		}
		for a[r] > p {
			r--
		}
		if l <= r {
			a[l], a[r] = a[r], a[l]
			l++
			r--
		}
	}
	quick(a[:r+1])
	quick(a[l:])
}

func merge(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] <= b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

func mergeSort(a []int) []int {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	return merge(mergeSort(a[:m]), mergeSort(a[m:]))
}

type lcg struct{ s uint32 }

func (g *lcg) next() int {
	g.s = g.s*1664525 + 1013904223
	return int(g.s >> 16 % 1000)
}

func sorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i-1] > a[i] {
			return false
		}
	}
	return true
}

func main() {
	a := []int{5, 2, 9, 1, 5, 6, -3, 0}
	fmt.Println(bubble(a), a)
	s := []string{"pear", "apple", "fig", "banana", "Apple", "cherry"}
	insertion(s)
	fmt.Println(s)
	g := &lcg{42}
	big := make([]int, 2000)
	for i := range big {
		big[i] = g.next()
	}
	c := append([]int(nil), big...)
	quick(c)
	m := mergeSort(big)
	fmt.Println(sorted(c), sorted(m), sorted(big), c[:10], m[1990:])
	same := true
	for i := range c {
		if c[i] != m[i] {
			same = false
		}
	}
	fmt.Println(same)
}
