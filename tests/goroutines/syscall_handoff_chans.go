package main

// A goroutine stays in a long blocking system call (a raw read(2) of a pipe) while other
// goroutines exchange on channels: a ping-pong pair, a three-stage pipeline and a WaitGroup of
// workers, at GOMAXPROCS=1 and then at 2 with two goroutines blocked (one per P). Each P whose
// M is in the kernel must be handed to another M (gc's handoffp); when the reads return, the
// goroutines continue on whatever M has a P. Only channels and pipes order the events.
// Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
)

func blockedReader(fd int, id int, ready chan<- int, out chan<- string) {
	ready <- id
	buf := make([]byte, 32)
	n, err := syscall.Read(fd, buf)
	out <- fmt.Sprintf("reader %d: %q %v", id, buf[:n], err)
}

func pingpong(rounds int) int {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v + 1
		}
		close(pong)
	}()
	v := 0
	for i := 0; i < rounds; i++ {
		ping <- v
		v = <-pong
	}
	close(ping)
	<-pong
	return v
}

func pipeline(n int) int {
	a, b := make(chan int), make(chan int, 4)
	go func() {
		for i := 1; i <= n; i++ {
			a <- i
		}
		close(a)
	}()
	go func() {
		for v := range a {
			b <- v * v
		}
		close(b)
	}()
	total := 0
	for v := range b {
		total += v
	}
	return total
}

func workers(k int) []int {
	var wg sync.WaitGroup
	res := make([]int, k)
	for i := 0; i < k; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := 0
			for j := 0; j <= i*1000; j++ {
				s += j
			}
			res[i] = s
		}(i)
	}
	wg.Wait()
	return res
}

func round(procs int, readers int) {
	runtime.GOMAXPROCS(procs)
	fds := make([][2]int, readers)
	ready := make(chan int)
	out := make(chan string)
	for i := range fds {
		if err := syscall.Pipe(fds[i][:]); err != nil {
			panic(err)
		}
		go blockedReader(fds[i][0], i, ready, out)
	}
	for range fds {
		<-ready
	}
	fmt.Println("procs", procs, "pingpong", pingpong(2000))
	fmt.Println("procs", procs, "pipeline", pipeline(500))
	fmt.Println("procs", procs, "workers", workers(6))
	results := make([]string, readers)
	for i := range fds {
		msg := fmt.Sprintf("data %d", i)
		if _, err := syscall.Write(fds[i][1], []byte(msg)); err != nil {
			panic(err)
		}
		// Join this reader before writing to the next, so the lines come in a fixed order.
		results[i] = <-out
	}
	for _, r := range results {
		fmt.Println("procs", procs, r)
	}
	for i := range fds {
		syscall.Close(fds[i][0])
		syscall.Close(fds[i][1])
	}
}

func main() {
	round(1, 1)
	round(2, 2)
	round(1, 3)
	fmt.Println("done")
}
