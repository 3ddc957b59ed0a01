// Start-up probe: GOROOT's sync (Mutex, WaitGroup) with goroutines. `go run` prints `4`.
package main

import "sync"

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() { mu.Lock(); n++; mu.Unlock(); wg.Done() }()
	}
	wg.Wait()
	println(n)
}
