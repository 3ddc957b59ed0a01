// A contended sync.Mutex held across yields: waiters starve past 1ms, the mutex switches to
// starvation mode and Unlock hands the lock directly to the oldest waiter (semrelease handoff).
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	order := []int{}
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				mu.Lock()
				x := 0
				for j := 0; j < 50000; j++ {
					x += j & 1
				}
				counter += 1 + x - x
				if len(order) < 1000 {
					order = append(order, g)
				}
				runtime.Gosched()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	fmt.Println(counter, len(order))
}
