// A worker pool: jobs on a channel, results summed under a sync.Mutex, joined by a WaitGroup.
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	mu     sync.Mutex
	total  int
	byWork map[int]int
}

func main() {
	jobs := make(chan int, 8)
	var wg sync.WaitGroup
	s := &stats{byWork: map[int]int{}}
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				s.mu.Lock()
				s.total += j * j
				s.byWork[id]++
				s.mu.Unlock()
			}
		}(w)
	}
	for i := 1; i <= 100; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	n := 0
	for _, c := range s.byWork {
		n += c
	}
	fmt.Println("total", s.total, "jobs", n)
}
