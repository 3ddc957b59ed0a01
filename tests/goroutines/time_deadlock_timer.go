// A Timer nobody receives from does not keep the program alive (Go 1.23): the deadlock is
// reported; the sleeping goroutine that runs first ends on its own.
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
	time.Sleep(20 * time.Millisecond)
	fmt.Println("blocking")
	<-make(chan int)
}
