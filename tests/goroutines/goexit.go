// runtime.Goexit runs the goroutine's deferred calls (recover returns nil during them) and ends
// only that goroutine; NumGoroutine counts the goroutines that exist.
package main

import (
	"fmt"
	"runtime"
)

func worker(out chan<- string) {
	defer func() { out <- "done" }()
	defer func() {
		out <- fmt.Sprint("recover during Goexit: ", recover())
	}()
	defer fmt.Println("deferred print runs")
	func() {
		defer fmt.Println("inner deferred runs")
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	fmt.Println("not reached either")
}

// settle yields until at most n goroutines are left: goroutines that have delivered their last
// value may still be finishing on another P (GOMAXPROCS > 1), so one Gosched is not enough.
func settle(n int) {
	for runtime.NumGoroutine() > n {
		runtime.Gosched()
	}
}

func main() {
	fmt.Println("goroutines:", runtime.NumGoroutine())
	out := make(chan string)
	go worker(out)
	fmt.Println("goroutines:", runtime.NumGoroutine())
	fmt.Println(<-out)
	fmt.Println(<-out)
	settle(1)
	fmt.Println("goroutines:", runtime.NumGoroutine())

	// Goexit while a panic is running its deferred calls ends the goroutine quietly.
	go func() {
		defer func() { out <- "outer deferred" }()
		defer func() { runtime.Goexit() }()
		panic("abandoned")
	}()
	fmt.Println(<-out)

	// Many goroutines blocked, then released and joined.
	release := make(chan struct{})
	joined := make(chan int, 100)
	for i := 0; i < 1000; i++ {
		go func(i int) {
			<-release
			joined <- i
		}(i)
	}
	fmt.Println("blocked:", runtime.NumGoroutine()-1)
	close(release)
	sum := 0
	for i := 0; i < 1000; i++ {
		sum += <-joined
	}
	settle(1)
	fmt.Println("joined sum:", sum, "left:", runtime.NumGoroutine())
}
