// An unrecovered panic in a goroutine ends the program with that goroutine's report (its
// number, `created by` with the go statement's function) and exit status 2; main's deferred
// calls do not run.
package main

import "fmt"

func worker(n int, done chan bool) {
	defer fmt.Println("worker deferred call runs")
	if n == 2 {
		panic(fmt.Sprintf("worker %d failed", n))
	}
	done <- true
}

func main() {
	defer fmt.Println("main's deferred call must not run")
	done := make(chan bool)
	go worker(1, done)
	<-done
	go worker(2, done)
	<-done
	fmt.Println("not reached")
}
