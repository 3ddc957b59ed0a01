// A Timer nobody receives from does not keep the program alive (Go 1.23): the deadlock is
// reported; the sleeping goroutine that runs first ends on its own (main sleeps 300 ms, far
// longer than the goroutine's 5 ms, so start-up delays under load cannot reorder the lines).
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Hour)
	_ = t
	go func() {
		time.Sleep(5 * time.Millisecond)
		fmt.Println("slept")
	}()
	time.Sleep(300 * time.Millisecond)
	fmt.Println("blocking")
	<-make(chan int)
}
