package main

// Unbuffered hand-offs and selects between goroutines that may run on different Ms
// (GOMAXPROCS=4): every message arrives exactly once and in order per sender.

import (
	"fmt"
	"sync"
)

func main() {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	sum := 0
	for i := 0; i < 20000; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	_, ok := <-pong
	fmt.Println("pingpong:", sum, ok)

	a, b, quit := make(chan int), make(chan int, 3), make(chan struct{})
	var wg sync.WaitGroup
	for _, c := range []chan int{a, b} {
		wg.Add(1)
		go func(c chan int) {
			defer wg.Done()
			for i := 1; i <= 5000; i++ {
				c <- i
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(quit)
	}()
	lastA, lastB, inOrder, count := 0, 0, true, 0
	for done := false; !done; {
		select {
		case v := <-a:
			inOrder = inOrder && v == lastA+1
			lastA = v
			count++
		case v := <-b:
			inOrder = inOrder && v == lastB+1
			lastB = v
			count++
		case <-quit:
			done = true
		}
	}
	for len(b) > 0 {
		v := <-b
		inOrder = inOrder && v == lastB+1
		lastB = v
		count++
	}
	fmt.Println("select:", count, lastA, lastB, inOrder)
}
