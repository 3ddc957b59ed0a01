package main

// runtime.GOMAXPROCS returns the previous setting and changes it while goroutines run; work
// finishes correctly when Ps are added and retired. Goroutine 9 changes the setting only after
// goroutine 5 has (a channel orders them), so the final setting is 2 on every schedule.

import (
	"fmt"
	"runtime"
	"sync"
)

func spin(n int) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	return h
}

func main() {
	fmt.Println(runtime.GOMAXPROCS(3))
	fmt.Println(runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	out := make([]uint64, 12)
	retired := make(chan struct{})
	for k := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[k] = spin(200000 + k)
			if k == 5 {
				runtime.GOMAXPROCS(1)
				close(retired)
			}
			if k == 9 {
				<-retired
				runtime.GOMAXPROCS(2)
			}
		}()
	}
	wg.Wait()
	x := uint64(0)
	for _, v := range out {
		x ^= v
	}
	fmt.Println(x, runtime.NumGoroutine())
	fmt.Println(runtime.GOMAXPROCS(4))
}
