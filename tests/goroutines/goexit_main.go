// runtime.Goexit in main: main's deferred calls run, the other goroutines keep running, and
// when none is left the program dies with gc's "no goroutines" fatal error.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	c := make(chan int)
	go func() {
		fmt.Println("goroutine runs after main's Goexit:", <-c)
	}()
	defer func() { c <- 5 }()
	defer fmt.Println("main deferred")
	runtime.Goexit()
}
