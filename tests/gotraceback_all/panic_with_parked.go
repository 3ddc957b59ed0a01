package main

// GOTRACEBACK=all: an unrecovered panic's report also shows the other goroutines (gc's
// tracebackothers), here one parked in a channel receive, with its `created by` line.

import "fmt"

func worker(started chan<- bool, never <-chan int) {
	started <- true
	<-never
}

func main() {
	started, never := make(chan bool), make(chan int)
	go worker(started, never)
	<-started
	fmt.Println("worker started")
	panic(fmt.Sprintf("boom %d", 1))
}
