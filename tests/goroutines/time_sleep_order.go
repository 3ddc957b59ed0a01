// time.Sleep: goroutines wake in the order of their deadlines, not of their creation (100 ms
// apart, so a loaded machine's scheduling delays between their starts cannot reorder them).
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	for _, ms := range []int{300, 100, 200} {
		go func() {
			time.Sleep(time.Duration(ms) * time.Millisecond)
			c <- ms
		}()
	}
	time.Sleep(time.Millisecond)
	start := time.Now()
	for i := 0; i < 3; i++ {
		fmt.Println("woke", <-c)
	}
	fmt.Println("took at least 250ms:", time.Since(start) >= 250*time.Millisecond)
	time.Sleep(0)
	time.Sleep(-5)
	fmt.Println("done")
}
