// sync.Cond: consumers wait for items; Signal wakes one, Broadcast all. RWMutex readers share.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}
	done := false
	var wg sync.WaitGroup
	got := make([]int, 3)
	for c := 0; c < 3; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			for {
				for len(queue) == 0 && !done {
					cond.Wait()
				}
				if len(queue) == 0 && done {
					return
				}
				got[c] += queue[0]
				queue = queue[1:]
			}
		}(c)
	}
	for i := 1; i <= 30; i++ {
		mu.Lock()
		queue = append(queue, i)
		mu.Unlock()
		cond.Signal()
	}
	mu.Lock()
	done = true
	mu.Unlock()
	cond.Broadcast()
	wg.Wait()
	fmt.Println("sum", got[0]+got[1]+got[2])

	var rw sync.RWMutex
	shared := map[string]int{"a": 1}
	var rwg sync.WaitGroup
	sum := 0
	var smu sync.Mutex
	for i := 0; i < 5; i++ {
		rwg.Add(2)
		go func() {
			defer rwg.Done()
			rw.RLock()
			v := shared["a"]
			rw.RUnlock()
			smu.Lock()
			sum += v
			smu.Unlock()
		}()
		go func(i int) {
			defer rwg.Done()
			rw.Lock()
			shared["a"]++
			rw.Unlock()
		}(i)
	}
	rwg.Wait()
	fmt.Println("final", shared["a"], sum >= 5)
}
