package main

// At GOMAXPROCS=1 main ends the program with os.Exit(3) while another goroutine is blocked in
// read(2) of a pipe nobody writes to: main must get a P (gc hands it off from the M in the
// system call) and its exit status must end the process although that M never returns.
// Expected output and status from Go 1.27.3.

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
)

func main() {
	runtime.GOMAXPROCS(1)
	var p [2]int
	if err := syscall.Pipe(p[:]); err != nil {
		panic(err)
	}
	started := make(chan bool)
	go func() {
		started <- true
		buf := make([]byte, 8)
		syscall.Read(p[0], buf)
		fmt.Println("unreachable: the pipe is never written")
	}()
	<-started
	for i := 0; i < 3; i++ {
		fmt.Println("main runs", i)
		runtime.Gosched()
	}
	os.Exit(3)
}
