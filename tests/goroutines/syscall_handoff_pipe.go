package main

// At GOMAXPROCS=1 a goroutine blocked reading an os.Pipe nobody has written to must not stop
// main: gc hands the P of a goroutine in a system call to another M (entersyscall, sysmon's
// retake, handoffp). main computes and prints (and sleeps: a timer must fire while the reader is
// still in the kernel), then writes to the pipe and joins the reader. Expected output from
// Go 1.27.3.

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1)
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	started := make(chan bool)
	done := make(chan string)
	go func() {
		started <- true
		buf := make([]byte, 64)
		n, err := r.Read(buf)
		done <- fmt.Sprintf("reader got %q err=%v", buf[:n], err)
	}()
	<-started
	sum := 0
	for i := 0; i < 3000000; i++ {
		sum += i % 7
	}
	fmt.Println("main computed", sum)
	time.Sleep(20 * time.Millisecond)
	fmt.Println("main slept")
	for i := 0; i < 3; i++ {
		fmt.Println("main step", i)
		runtime.Gosched()
	}
	if _, err := w.Write([]byte("hello through the pipe")); err != nil {
		panic(err)
	}
	fmt.Println(<-done)
	w.Close()
	r.Close()
	fmt.Println("GOMAXPROCS", runtime.GOMAXPROCS(0))
}
