// Each goroutine has its own panics and deferred calls: a goroutine recovers its own panic
// (user values, runtime errors, channel panics), recover in one goroutine never sees another's
// panic, and open-coded and chained defers run per goroutine.
package main

import (
	"errors"
	"fmt"
)

func safely(name string, f func(), out chan<- string) {
	defer func() {
		r := recover()
		out <- fmt.Sprintf("%s: recovered %v", name, r)
	}()
	f()
	out <- name + ": returned"
}

func chained(n int, out chan<- string) {
	defer func() {
		if r := recover(); r != nil {
			out <- fmt.Sprint("chained recovered: ", r)
		}
	}()
	for i := 0; i < n; i++ {
		defer func(i int) {
			if i == 1 {
				panic(fmt.Sprint("from deferred ", i))
			}
		}(i)
	}
	panic("first")
}

func main() {
	out := make(chan string)
	var nilc chan int
	closed := make(chan int)
	close(closed)
	cases := []struct {
		name string
		f    func()
	}{
		{"value", func() { panic(42) }},
		{"error", func() { panic(errors.New("boom")) }},
		{"index", func() {
			s := []int{1}
			i := 5
			_ = s[i]
		}},
		{"nil map", func() {
			var m map[string]int
			m["x"] = 1
		}},
		{"send on closed", func() { closed <- 1 }},
		{"close of closed", func() { close(closed) }},
		{"close of nil", func() { close(nilc) }},
		{"no panic", func() {}},
	}
	for _, c := range cases {
		go safely(c.name, c.f, out)
		fmt.Println(<-out)
		if c.name == "no panic" {
			fmt.Println(<-out)
		}
	}

	go chained(3, out)
	fmt.Println(<-out)

	// main's recover sees only main's panic, even while another goroutine is panicking.
	gate := make(chan bool)
	go func() {
		defer func() {
			<-gate // park in a deferred call, mid-panic
			out <- fmt.Sprint("goroutine recovered: ", recover())
		}()
		panic("goroutine panic")
	}()
	func() {
		defer func() {
			fmt.Println("main recovered:", recover())
			gate <- true
		}()
		panic("main panic")
	}()
	fmt.Println(<-out)
	fmt.Println("main: recover outside a panic =", recover())
}
