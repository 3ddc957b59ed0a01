// Unlocking an unlocked sync.Mutex is a fatal error (not a panic: recover cannot stop it).
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() { fmt.Println("recovered:", recover()) }()
	var mu sync.Mutex
	fmt.Println("unlock")
	mu.Unlock()
}
