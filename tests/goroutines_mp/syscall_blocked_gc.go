package main

// A goroutine blocked in read(2) on a pipe nobody writes to yet must not stop the others: the
// collector stops the world (runtime.GC and allocation-triggered collections) while it is in the
// kernel, the goroutines it readied just before blocking still run, and the buffer it reads into
// (reachable only from its own frames) survives the collections and receives the bytes written
// later. (gc hands a P off from a goroutine in a system call; gojit, which pairs Ms and Ps, needs
// a second P for the others, so the program asks for at least two.)

import (
	"fmt"
	"runtime"
	"syscall"
	"time"
)

type node struct {
	next *node
	v    [6]int
}

func churn(n int) int {
	var keep *node
	total := 0
	for i := 0; i < n; i++ {
		x := &node{next: keep}
		x.v[i%6] = i
		if i%500 == 0 {
			keep = nil
		}
		keep = x
		total += x.v[i%6] & 1
	}
	return total
}

func main() {
	if runtime.GOMAXPROCS(0) < 2 {
		runtime.GOMAXPROCS(2)
	}
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		fmt.Println("pipe:", err)
		return
	}
	ready := make(chan bool)
	woken := make(chan string, 1)
	got := make(chan string)
	go func() {
		buf := make([]byte, 64)
		go func() { woken <- "readied before the read ran" }()
		ready <- true
		n, err := syscall.Read(fds[0], buf)
		got <- fmt.Sprint(n, err, string(buf[:n]))
	}()
	<-ready
	fmt.Println(<-woken)
	time.Sleep(20 * time.Millisecond) // the reader is in read(2) by now
	for round := 0; round < 3; round++ {
		runtime.GC()
		fmt.Println("round", round, "collected while blocked, churn", churn(3000))
	}
	msg := []byte("hello from main")
	if _, err := syscall.Write(fds[1], msg); err != nil {
		fmt.Println("write:", err)
	}
	fmt.Println("read:", <-got)
}
