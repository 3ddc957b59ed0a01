package main

// runtime/debug.SetTraceback("all") makes an unrecovered panic's report list every goroutine,
// as GOTRACEBACK=all does (the testing package calls SetTraceback; Go's test tree:
// fixedbugs/issue56990.go). gc combines the level with the GOTRACEBACK variable's (unset here:
// "single"), so SetTraceback("none") afterwards cannot drop below the one goroutine's traceback.
// Expected output from Go 1.27.3 (`go run`).

import (
	"fmt"
	"runtime/debug"
)

func blocked(c chan int, ready chan bool) {
	ready <- true
	<-c
}

func main() {
	debug.SetTraceback("none")
	debug.SetTraceback("all")
	c, ready := make(chan int), make(chan bool)
	go blocked(c, ready)
	<-ready
	fmt.Println("before panic")
	panic("boom")
}
