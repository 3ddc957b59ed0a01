// A goroutine computing without loops (doubly recursive calls) and one spinning in a loop must
// not starve main: function prologues are preemption points as gc's stack check is
// (GOMAXPROCS=1). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
)

var sink int

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func forever(n int) {
	sink = fib(n)
	forever(n)
}

func main() {
	runtime.GOMAXPROCS(1)
	go forever(30)
	runtime.Gosched()
	done := make(chan bool)
	go func() {
		fmt.Println("worker ran")
		done <- true
	}()
	<-done
	fmt.Println("main done")
}
