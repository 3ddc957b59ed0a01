package main

// Issue 12: values stay intact across collections (runtime.GC and allocation-driven ones) in
// every place a Go pointer can live: package variables, stack frames, heap objects, map entries,
// channel buffers, closures, parked goroutines, deferred closures, interfaces, strings.
// Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
	"strings"
)

type node struct {
	next *node
	val  int
	name string
}

var global *node
var globalMap = map[string]*node{}

func list(n int, tag string) *node {
	var h *node
	for i := 0; i < n; i++ {
		h = &node{next: h, val: i, name: fmt.Sprint(tag, i)}
	}
	return h
}

func (n *node) sum() (s int) {
	for ; n != nil; n = n.next {
		s += n.val
	}
	return
}

func garbage(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		b := make([]*node, 8)
		b[i%8] = &node{val: i}
		t += len(strings.Repeat("x", i%64)) + b[i%8].val%3
	}
	return t
}

func worker(in chan *node, out chan int) {
	held := list(100, "w")
	for n := range in {
		runtime.GC()
		out <- n.sum() + held.sum()
	}
	close(out)
}

func deferred() (r string) {
	s := list(50, "d")
	defer func() {
		garbage(2000)
		runtime.GC()
		r = fmt.Sprint(s.sum(), " ", s.name)
	}()
	return "unset"
}

func panicky() (r any) {
	defer func() {
		garbage(2000)
		runtime.GC()
		r = recover()
	}()
	panic(&node{val: 42, name: strings.ToUpper("boxed value")})
}

func main() {
	global = list(1000, "g")
	for i := 0; i < 100; i++ {
		globalMap[fmt.Sprint("k", i)] = &node{val: i * i, name: fmt.Sprint("v", i)}
	}
	local := list(500, "l")
	var iface any = &node{val: 7, name: "iface"}
	ch := make(chan *node, 4)
	for i := 0; i < 4; i++ {
		ch <- list(10, "c")
	}
	f := func() int { return local.sum() }
	in, out := make(chan *node), make(chan int)
	go worker(in, out)
	fmt.Println(garbage(20000))
	runtime.GC()
	in <- list(20, "x")
	fmt.Println(<-out)
	close(in)
	for range out {
	}
	fmt.Println(global.sum(), global.name, global.next.name)
	fmt.Println(local.sum(), f(), iface.(*node).name)
	fmt.Println(globalMap["k9"].val, globalMap["k99"].name, len(globalMap))
	for i := 0; i < 4; i++ {
		n := <-ch
		fmt.Print(n.sum(), n.name, " ")
	}
	fmt.Println()
	fmt.Println(deferred())
	p := panicky().(*node)
	fmt.Println(p.val, p.name)
	delete(globalMap, "k5")
	for i := 0; i < 20; i++ {
		garbage(1000)
		runtime.GC()
	}
	fmt.Println(len(globalMap), globalMap["k50"].name)
}
