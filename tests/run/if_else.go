package main

import "fmt"

func sign(n int) string {
	if n < 0 {
		return "negative"
	} else if n == 0 {
		return "zero"
	} else {
		return "positive"
	}
}

func lookup(m map[string]int, k string) string {
	if v, ok := m[k]; ok && v > 0 {
		return fmt.Sprint(k, "=", v)
	} else if ok {
		return k + " not positive"
	}
	return k + " missing"
}

func main() {
	for _, n := range []int{-5, 0, 5} {
		fmt.Println(n, sign(n))
	}
	m := map[string]int{"a": 1, "z": 0}
	fmt.Println(lookup(m, "a"), lookup(m, "z"), lookup(m, "q"))
	if err := fmt.Errorf("x"); err != nil {
		fmt.Println("got error", err)
	}
	x := 7
	if x%2 == 1 && x > 5 || x == 0 {
		fmt.Println("odd and big")
	}
	if !(x > 10) {
		fmt.Println("not above ten")
	}
	var p *int
	if p != nil && *p > 0 {
		fmt.Println("never")
	} else {
		fmt.Println("nil guarded")
	}
}
