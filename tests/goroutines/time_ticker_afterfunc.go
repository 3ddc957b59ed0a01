// Ticker ticks until stopped; AfterFunc runs its function in its own goroutine; a stopped
// AfterFunc never runs.
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(3 * time.Millisecond)
	n := 0
	for range tk.C {
		n++
		if n == 4 {
			tk.Stop()
			break
		}
	}
	fmt.Println("ticks", n)
	select {
	case <-tk.C:
		fmt.Println("tick after stop")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("no tick after stop")
	}
	tk.Reset(2 * time.Millisecond)
	<-tk.C
	tk.Stop()
	fmt.Println("ticked after reset")

	done := make(chan string)
	time.AfterFunc(5*time.Millisecond, func() { done <- "afterfunc ran" })
	fmt.Println(<-done)
	ran := false
	f := time.AfterFunc(5*time.Millisecond, func() { ran = true })
	fmt.Println("stopped before firing", f.Stop())
	time.Sleep(15 * time.Millisecond)
	fmt.Println("ran", ran)
	g := time.AfterFunc(time.Hour, func() { done <- "reset afterfunc ran" })
	fmt.Println("reset", g.Reset(time.Millisecond))
	fmt.Println(<-done)
}
