package main

import "fmt"

var trace []string

func t(name string, v int) int {
	trace = append(trace, name)
	return v
}

func flush() {
	fmt.Println(trace)
	trace = trace[:0]
}

func pair() (int, int) {
	trace = append(trace, "pair")
	return 1, 2
}

type S struct{ a, b int }

func main() {
	_ = t("a", 1) + t("b", 2)*t("c", 3)
	flush()
	fmt.Println(t("x", 1), t("y", 2), t("z", 3))
	flush()
	s := []int{t("e0", 0), t("e1", 1), t("e2", 2)}
	flush()
	m := map[int]int{t("k1", 1): t("v1", 10), t("k2", 2): t("v2", 20)}
	flush()
	_ = S{b: t("b", 1), a: t("a", 2)}
	flush()
	s[t("idx", 0)] = t("rhs", 5)
	flush()
	m[t("mk", 1)] += t("inc", 1)
	flush()
	fmt.Println(s, m)
	i := 0
	i, s[i] = 1, 9 // index expression evaluated before assignment
	fmt.Println(i, s)
	a, b := 1, 2
	a, b = b, a+b
	fmt.Println(a, b)
	x := []int{1, 2, 3}
	j := 0
	j, x[j] = x[j]+10, 7
	fmt.Println(j, x)
	if t("l", 0) == 1 && t("r", 1) == 1 {
	}
	flush()
	if t("l", 1) == 1 || t("r", 1) == 1 {
	}
	flush()
	var p, q int
	p, q = pair()
	fmt.Println(p, q)
	flush()
	f := func(a, b, c int) int { return a*100 + b*10 + c }
	fmt.Println(f(t("p1", 1), t("p2", 2), t("p3", 3)))
	flush()
	arr := [3]int{}
	k := 0
	arr[k], k = 5, 2
	fmt.Println(arr, k)
	counter := 0
	next := func() int { counter++; return counter }
	vals := []int{next(), next(), next()}
	fmt.Println(vals, next()+next()*10)
}
