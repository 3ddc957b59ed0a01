// Waiting on a sync.Cond nobody signals: [sync.Cond.Wait]; a blocked writer shows [sync.RWMutex.Lock].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	go func() {
		rw.Lock()
	}()
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	mu.Lock()
	fmt.Println("waiting")
	c.Wait()
}
