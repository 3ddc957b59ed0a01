// A goroutine spinning in loops that call nothing (for {}, range over a huge int, a backward
// goto) must not starve main: it is preempted at its loop back-edges (GOMAXPROCS=1, so nothing
// else could run it). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
)

var sink int

func spinFor() {
	for {
	}
}

func spinRange() {
	for i := range 1 << 62 {
		sink = i
	}
}

func spinGoto() {
	i := 0
loop:
	i++
	sink = i
	goto loop
}

func main() {
	runtime.GOMAXPROCS(1)
	go spinFor()
	go spinRange()
	go spinGoto()
	runtime.Gosched()
	c := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			c <- i
		}
		close(c)
	}()
	for v := range c {
		fmt.Println("got", v)
	}
	fmt.Println("main done", runtime.NumGoroutine())
}
