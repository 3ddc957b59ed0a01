package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

// Issue 11's stress: 10,000 goroutines, each panicking and recovering 1,000 times (the count is
// os.Args[1] when given), joined by a WaitGroup. Peak RSS must not grow with the count: every
// panic record, defer record and panic value becomes garbage (bench/README.md has the figures).
type failure struct{ n int }

func try(i int) (n int) {
	defer func() {
		if r := recover(); r != nil {
			n = r.(*failure).n
		}
	}()
	panic(&failure{i})
}

func main() {
	iters := 1000
	if len(os.Args) > 1 {
		iters, _ = strconv.Atoi(os.Args[1])
	}
	const n = 10000
	var wg sync.WaitGroup
	sums := make([]int, n)
	for g := 0; g < n; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < iters; i++ {
				sums[g] += try(i) & 1
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Println(total == n*(iters/2))
}
