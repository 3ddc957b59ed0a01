package main

import "fmt"

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func main() {
	ages := map[string]int{"carol": 35, "alice": 30, "bob": 25, "dave": 40, "eve": 22}
	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		fmt.Printf("%-6s %3d\n", k, ages[k])
	}
	total := 0
	for _, v := range ages {
		total += v
	}
	fmt.Println("total", total)
	// deleting during range is allowed
	for k := range ages {
		if ages[k] < 30 {
			delete(ages, k)
		}
	}
	fmt.Println(ages)
	// map values are copies
	type pt struct{ x, y int }
	pts := map[string]pt{"a": {1, 2}}
	p := pts["a"]
	p.x = 100
	fmt.Println(pts, p)
	pts["a"] = p
	fmt.Println(pts)
}
