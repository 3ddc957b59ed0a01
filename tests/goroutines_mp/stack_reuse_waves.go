package main

// Waves of goroutines blocked on one unbuffered channel, then released and joined: every wave
// after the first runs on the stacks the previous wave's goroutines left (the runtime caches dead
// goroutines' stacks and reuses them), some goroutines recurse deep enough to touch many pages
// of theirs first, and the collector runs between and during the waves. Sums, depths and counts
// are exact only if a reused stack behaves like a fresh one.

import (
	"fmt"
	"runtime"
	"sync"
)

// depth recurses n frames, each with a local array, and returns n.
func depth(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		return pad[0]
	}
	return depth(n-1) + 1 + pad[n%64] - n
}

func wave(n int, deepEvery int) (int64, int) {
	c := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var sum int64
	deep := 0
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := <-c
			d := 0
			if deepEvery > 0 && v%deepEvery == 0 {
				d = depth(1500)
			}
			buf := make([]byte, 16+v%48)
			buf[len(buf)-1] = byte(v)
			mu.Lock()
			sum += int64(v) + int64(buf[len(buf)-1]) - int64(byte(v))
			if d == 1500 {
				deep++
			}
			mu.Unlock()
		}()
	}
	blocked := runtime.NumGoroutine() - 1
	for i := 0; i < n; i++ {
		c <- i
	}
	wg.Wait()
	if blocked != n {
		fmt.Println("goroutines alive before the release:", blocked, "want", n)
	}
	return sum, deep
}

func main() {
	for round, deepEvery := range []int{0, 125, 0, 50} {
		sum, deep := wave(1000, deepEvery)
		fmt.Println("wave", round, "sum", sum, "deep", deep)
		runtime.GC()
	}
	fmt.Println("done")
}
