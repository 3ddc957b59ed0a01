// A reader blocked behind a held write lock: [sync.RWMutex.RLock].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	fmt.Println("write-locked")
	rw.RLock()
}
