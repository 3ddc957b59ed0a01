package main

import (
	"fmt"
	"sync"
)

// 100,000 goroutines blocked on one channel, then released and joined (issue 11: every one has
// its own stack slot; peak RSS and wall time against gc in bench/README.md).
func main() {
	const n = 100000
	start := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	sum := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			sum += i
			mu.Unlock()
		}()
	}
	close(start)
	wg.Wait()
	fmt.Println(sum == n*(n-1)/2)
}
