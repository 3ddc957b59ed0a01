// Locking a sync.Mutex twice with nothing else to run: gc's report shows [sync.Mutex.Lock].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
}
