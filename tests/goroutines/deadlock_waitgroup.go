// Waiting on a WaitGroup nobody will finish: gc's deadlock report with [sync.WaitGroup.Wait].
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { wg.Done() }()
	fmt.Println("waiting")
	wg.Wait()
}
