package main

import "fmt"

// 10^6 inserts and deletes cycling through a 1,000-entry map with pointer values: the map's size
// stays constant, so RSS must too.
type rec struct{ k, v int }

func main() {
	m := make(map[int]*rec)
	for i := 0; i < 1000000; i++ {
		m[i] = &rec{i, i * 2}
		if i >= 1000 {
			delete(m, i-1000)
		}
	}
	sum := 0
	for _, r := range m {
		sum += r.v
	}
	fmt.Println(len(m), sum)
}
