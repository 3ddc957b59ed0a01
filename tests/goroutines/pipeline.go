// A producer/consumer pipeline: unbuffered stages joined by channels, closed by their senders
// and drained with range; the result travels back on a done channel.
package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

type result struct {
	sum, count int
}

func sink(in <-chan int, done chan<- result) {
	var r result
	for v := range in {
		r.sum += v
		r.count++
	}
	done <- r
}

func main() {
	done := make(chan result)
	go sink(square(square(gen(10))), done)
	r := <-done
	fmt.Println("sum of fourth powers:", r.sum, "count:", r.count)

	// Strings and structs travel by value.
	words := make(chan string)
	go func(ws []string) {
		for _, w := range ws {
			words <- w
		}
		close(words)
	}([]string{"alpha", "beta", "gamma"})
	for w := range words {
		fmt.Print(w, " ")
	}
	fmt.Println()

	// A chain of 100 goroutines passing a counter along.
	first := make(chan int)
	var prev chan int = first
	for i := 0; i < 100; i++ {
		next := make(chan int)
		go func(in, out chan int) { out <- 1 + <-in }(prev, next)
		prev = next
	}
	first <- 0
	fmt.Println("chain:", <-prev)
}
