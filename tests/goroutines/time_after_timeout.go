// time.After in a select: the timeout fires when the value is late, not when it is in time.
package main

import (
	"fmt"
	"time"
)

func main() {
	slow := make(chan string)
	go func() {
		time.Sleep(50 * time.Millisecond)
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
