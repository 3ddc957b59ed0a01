package main

// A goroutine panics while others keep running on other Ms (GOMAXPROCS=4): the program ends with
// that goroutine's report and exit status 2, without the others' deferred calls.

import (
	"fmt"
	"os"
	"sync/atomic"
)

func main() {
	var started atomic.Int32
	for i := 0; i < 3; i++ {
		go func() {
			defer fmt.Println("never printed")
			started.Add(1)
			for {
			}
		}()
	}
	for started.Load() < 3 {
	}
	fmt.Fprintln(os.Stderr, "spinners running")
	done := make(chan bool)
	go func() {
		var m map[string]int
		m["x"] = 1
		done <- true
	}()
	<-done
}
