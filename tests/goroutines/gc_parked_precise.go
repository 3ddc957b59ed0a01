package main

// A parked goroutine's frames are scanned by their stack maps, as gc scans every goroutine's
// stack: a pointer that is dead at the call the goroutine blocks in does not keep its object
// alive (its finalizer runs while the goroutine is still blocked), and an address-taken local
// array of pointers (a stack object) that a live pointer refers to keeps what it holds alive.
// Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
	"time"
)

type T struct {
	v   int
	pad [6]int
}

var finalized = make(chan int, 16)
var sink int

//go:noinline
func use(p *T) int { return p.v }

//go:noinline
func sum(q *[8]*T) int {
	s := 0
	for _, p := range q {
		s += p.v
	}
	return s
}

// dead holds p live across use (so it is spilled to a stack-map slot) and then blocks with p dead.
func dead(id int, wake chan int, done chan bool) {
	p := &T{v: id}
	runtime.SetFinalizer(p, func(t *T) { finalized <- t.v })
	sink += use(p)
	sink += p.v
	<-wake
	done <- true
}

// live blocks holding a pointer to a stack object whose elements are the only references.
func live(wake chan int, res chan int) {
	var arr [8]*T
	for i := range arr {
		arr[i] = &T{v: i + 1}
	}
	q := &arr
	<-wake
	res <- sum(q)
}

func churn() {
	for i := 0; i < 100; i++ {
		_ = &T{v: -1}
	}
}

func main() {
	wake := make(chan int)
	done := make(chan bool)
	res := make(chan int)
	wakeLive := make(chan int)
	for i := 1; i <= 3; i++ {
		go dead(i, wake, done)
	}
	go live(wakeLive, res)
	time.Sleep(10 * time.Millisecond)
	got := 0
	deadline := time.Now().Add(5 * time.Second)
	for got < 3 && time.Now().Before(deadline) {
		runtime.GC()
		churn()
		select {
		case <-finalized:
			got++
		case <-time.After(time.Millisecond):
		}
	}
	fmt.Println("finalized while parked:", got)
	for i := 0; i < 3; i++ {
		wake <- 0
		<-done
	}
	wakeLive <- 0
	fmt.Println("stack object sum:", <-res)
}
