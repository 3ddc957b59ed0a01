// select: default when nothing is ready, the one ready case among several, send cases, nil
// channels that are never ready, break inside a select, and a loop merging two producers until
// both are closed (setting each to nil once drained).
package main

import "fmt"

func produce(name string, n int, out chan<- string) {
	for i := 0; i < n; i++ {
		out <- fmt.Sprint(name, i)
	}
	close(out)
}

func main() {
	c := make(chan int, 1)
	select {
	case v := <-c:
		fmt.Println("unexpected", v)
	default:
		fmt.Println("empty: default")
	}
	c <- 7
	select {
	case c <- 8:
		fmt.Println("unexpected send")
	default:
		fmt.Println("full: default")
	}
	var nilc chan int
	select {
	case v, ok := <-c:
		fmt.Println("received", v, ok)
	case nilc <- 1:
		fmt.Println("nil channel is never ready")
	case <-nilc:
		fmt.Println("nil channel is never ready")
	}
	select {
	case c <- 9:
		fmt.Println("sent 9")
		if len(c) == 1 {
			break
		}
		fmt.Println("not reached")
	default:
		fmt.Println("unexpected default")
	}
	fmt.Println(<-c)

	a := make(chan string)
	b := make(chan string)
	go produce("a", 3, a)
	go produce("b", 4, b)
	na, nb := 0, 0
	for a != nil || b != nil {
		select {
		case s, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			na++
			_ = s
		case s, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			nb++
			_ = s
		}
	}
	fmt.Println("merged", na, nb)

	// A closed channel is always ready in a select.
	done := make(chan struct{})
	close(done)
	select {
	case _, ok := <-done:
		fmt.Println("closed, ok =", ok)
	}

	// Blocking select woken by another goroutine's send.
	req := make(chan int)
	resp := make(chan int)
	go func() {
		for v := range req {
			resp <- v * 10
		}
		close(resp)
	}()
	total := 0
	for i := 1; i <= 3; i++ {
		select {
		case req <- i:
		}
		select {
		case v := <-resp:
			total += v
		}
	}
	close(req)
	_, ok := <-resp
	fmt.Println("total", total, ok)

	// Fairness: both cases are always ready; each must be chosen about half of the time.
	x := make(chan int, 1)
	y := make(chan int, 1)
	nx, ny := 0, 0
	for i := 0; i < 10000; i++ {
		x <- 1
		y <- 1
		select {
		case <-x:
			nx++
			<-y
		case <-y:
			ny++
			<-x
		}
	}
	fmt.Println("fair:", nx > 4000 && ny > 4000, nx+ny)
}
