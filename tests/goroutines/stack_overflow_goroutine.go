package main

// Unbounded recursion in a goroutine other than main: the prologue's stack-bound check (goroutine
// stacks have no guard page any more) ends the program with gc's report and exit status 2; the
// deferred call of main does not run. Expected output from Go 1.27.3 (go run; stderr checked on
// its stable lines).

import "fmt"

func forever(n int) int {
	return forever(n+1) + 1
}

func main() {
	defer fmt.Println("deferred calls do not run on a fatal error")
	fmt.Println("start")
	done := make(chan int)
	go func() {
		fmt.Println(forever(0))
		done <- 1
	}()
	<-done
}
