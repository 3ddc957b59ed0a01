// time.Sleep: goroutines wake in the order of their deadlines, not of their creation.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	for _, ms := range []int{30, 10, 20} {
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
	fmt.Println("took at least 25ms:", time.Since(start) >= 25*time.Millisecond)
	time.Sleep(0)
	time.Sleep(-5)
	fmt.Println("done")
}
