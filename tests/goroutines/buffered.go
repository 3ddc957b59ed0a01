// Buffered channel semantics: len/cap, FIFO order, sends that do not block until full, receives
// from a closed channel (buffered values first, then zero values with ok == false), nil channels.
package main

import "fmt"

type pair struct {
	a int
	b string
}

func main() {
	c := make(chan int, 3)
	fmt.Println(len(c), cap(c))
	c <- 1
	c <- 2
	fmt.Println(len(c), cap(c))
	c <- 3
	fmt.Println(<-c, len(c))
	c <- 4
	close(c)
	for i := 0; i < 5; i++ {
		v, ok := <-c
		fmt.Println(v, ok, len(c))
	}
	for v := range c {
		fmt.Println("never", v)
	}

	var nilc chan int
	fmt.Println(len(nilc), cap(nilc), nilc == nil)

	ps := make(chan pair, 2)
	ps <- pair{1, "one"}
	ps <- pair{2, "two"}
	close(ps)
	for p := range ps {
		fmt.Println(p.a, p.b)
	}
	p, ok := <-ps
	fmt.Printf("%+v %v\n", p, ok)

	// Wrap-around of the ring buffer.
	r := make(chan int, 2)
	for i := 0; i < 7; i++ {
		r <- i
		if i%2 == 1 {
			fmt.Print(<-r, <-r, " ")
		}
	}
	fmt.Println(<-r)

	// A receive-only view of a buffered channel.
	var ro <-chan int = r
	r <- 42
	fmt.Println(<-ro, len(ro), cap(ro))

	// Unbuffered: len and cap are 0.
	u := make(chan bool)
	fmt.Println(len(u), cap(u))
	go func() { u <- true }()
	fmt.Println(<-u)

	// Channels of channels.
	cc := make(chan chan string, 1)
	inner := make(chan string, 1)
	cc <- inner
	inner <- "through"
	fmt.Println(<-<-cc)
	fmt.Printf("%T %T %T\n", cc, ro, make(chan<- int))
}
