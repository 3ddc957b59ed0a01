package main

// Goroutines on several Ps (run with GOMAXPROCS=4) updating shared state: a sync.Mutex-protected
// counter and map, a sync/atomic counter, and results fanned in over a buffered channel. Every
// total is exact only if the runtime's locks, semaphores and channels are sound across threads.

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	fmt.Println("procs:", runtime.GOMAXPROCS(0))
	const workers = 16
	const rounds = 2000
	var mu sync.Mutex
	var wg sync.WaitGroup
	var hits atomic.Int64
	counter := 0
	seen := map[int]int{}
	results := make(chan int, 8)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			local := 0
			for r := 0; r < rounds; r++ {
				mu.Lock()
				counter++
				seen[r%100]++
				mu.Unlock()
				hits.Add(1)
				local += r * w
			}
			results <- local
		}(w)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	n := 0
	for v := range results {
		total += v
		n++
	}
	fmt.Println("counter:", counter, "atomic:", hits.Load(), "keys:", len(seen), "seen[7]:", seen[7])
	fmt.Println("results:", n, "total:", total)
}
