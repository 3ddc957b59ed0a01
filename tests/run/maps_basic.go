package main

import "fmt"

func main() {
	m := make(map[string]int)
	m["one"] = 1
	m["two"] = 2
	m["three"] = 3
	fmt.Println(len(m), m["two"], m["missing"])
	v, ok := m["one"]
	fmt.Println(v, ok)
	v, ok = m["nope"]
	fmt.Println(v, ok)
	delete(m, "two")
	delete(m, "never")
	_, ok = m["two"]
	fmt.Println(len(m), ok)
	m["one"] += 10
	m["new"]++
	fmt.Println(m)
	lit := map[int]string{3: "c", 1: "a", 2: "b"}
	fmt.Println(lit, len(lit))
	var nilMap map[string]bool
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"], nilMap)
	_, present := nilMap["x"]
	fmt.Println(present)
	delete(nilMap, "x")
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	if n, ok := counts['s']; ok {
		fmt.Println("s appears", n, "times")
	}
	bm := map[bool]string{true: "yes", false: "no"}
	fmt.Println(bm[1 > 0], bm)
	fm := map[float64]int{1.5: 1, -2: 2, 0.25: 3}
	fmt.Println(fm)
	m2 := m
	m2["alias"] = 7
	fmt.Println(len(m), m["alias"])
	big := make(map[int]int, 10)
	for i := 0; i < 1000; i++ {
		big[i*7%1000] = i
	}
	sum := 0
	for k, v := range big {
		sum += k - v
	}
	fmt.Println(len(big), sum, big[999])
	for i := 0; i < 1000; i += 2 {
		delete(big, i)
	}
	fmt.Println(len(big))
}
