// time.After in a select: the timeout fires when the value is late, not when it is in time.
// The late value comes 300 ms after a 10 ms timeout: on a loaded machine (CI) a thread stalled past
// both deadlines would let the sleeper's send race the timer's (expected output from Go 1.27.3).
package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(300 * time.Millisecond)
		slow <- "late"
	}()
	select {
	case v := <-slow:
		fmt.Println("got", v)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timeout")
	}
	fmt.Println("then", <-slow)
	fast := make(chan string, 1)
	fast <- "quick"
	select {
	case v := <-fast:
		fmt.Println("got", v)
	case <-time.After(time.Hour):
		fmt.Println("timeout")
	}
	for i := 0; i < 3; i++ {
		select {
		case <-time.After(time.Duration(i+1) * time.Millisecond):
			fmt.Println("tick", i)
		}
	}
}
