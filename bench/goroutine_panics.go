package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

// Stress for per-goroutine panic state (issue 11): G goroutines (default 10,000; os.Args[1])
// each panic and recover 1,000 times, with a fresh panic value each time. Peak RSS must not grow
// with the number of panics (bench/README.md).
func once(i, j int) (r int) {
	defer func() {
		if e := recover(); e != nil {
			r = len(e.(string))
		}
	}()
	panic("goroutine " + strconv.Itoa(i) + " panic " + strconv.Itoa(j))
}

func main() {
	g := 10000
	if len(os.Args) > 1 {
		g, _ = strconv.Atoi(os.Args[1])
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for i := 0; i < g; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := 0
			for j := 0; j < 1000; j++ {
				n += once(i, j)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(total > 0)
}
