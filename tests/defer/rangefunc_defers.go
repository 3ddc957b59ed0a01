package main

import "fmt"

func seq(name string, n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("iterator", name, "exits")
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("iterator", name, "stopped at", i)
				return
			}
		}
	}
}

// defers in a body run when the enclosing function returns, LIFO with its own defers
func lifo() {
	defer fmt.Println("lifo: first own defer")
	for i := range seq("a", 3) {
		defer fmt.Println("lifo: body defer", i)
	}
	defer fmt.Println("lifo: last own defer")
	fmt.Println("lifo: returning")
}

// nested bodies defer to the same frame; a return from the inner body runs them all
func nested() (s string) {
	defer func() { s += "!" }()
	for i := range seq("outer", 3) {
		for j := range seq("inner", 3) {
			defer fmt.Println("nested: defer", i, j)
			if i == 1 && j == 1 {
				return fmt.Sprint("returned at ", i, j)
			}
		}
	}
	return "not reached"
}

// a panic in a body crosses the iterator (its defers run) and is recovered by the enclosing
// function's deferred call; body defers run before it in LIFO order
func recovered() (r int) {
	defer func() {
		fmt.Println("recovered: recover() =", recover())
		r = -r
	}()
	for i := range seq("p", 10) {
		defer func() { r += 100 }()
		r += i
		if i == 3 {
			panic(fmt.Sprint("panic at ", i))
		}
	}
	return 0
}

// a deferred closure in a body can recover a later panic of the same function
func bodyRecover() {
	for i := range seq("q", 2) {
		defer func() {
			if e := recover(); e != nil {
				fmt.Println("bodyRecover: body defer", i, "recovered", e)
			} else {
				fmt.Println("bodyRecover: body defer", i, "found no panic")
			}
		}()
	}
	panic("after the loop")
}

// defers in a body inside a func literal belong to the literal
func inLiteral() {
	f := func() {
		defer fmt.Println("literal: own defer")
		for i := range seq("lit", 2) {
			defer fmt.Println("literal: body defer", i)
		}
	}
	f()
	fmt.Println("inLiteral: after literal")
}

// range-over-func in a regular loop; the iterator has chained defers of its own
func inLoop() {
	for k := 0; k < 2; k++ {
		for i := range func(yield func(int) bool) {
			for j := 0; j < 2; j++ {
				defer fmt.Println("inLoop: iterator defer", k, j)
				if !yield(j) {
					return
				}
			}
		} {
			defer fmt.Println("inLoop: body defer", k, i)
		}
	}
	fmt.Println("inLoop: returning")
}

func main() {
	lifo()
	fmt.Println(nested())
	fmt.Println("recovered returns", recovered())
	bodyRecover()
	inLiteral()
	inLoop()
	for i := range seq("main", 2) {
		defer fmt.Println("main: body defer", i)
	}
	var m map[string]int
	for i := range seq("crash", 5) {
		defer fmt.Println("main: crash defer", i)
		if i == 1 {
			m["x"] = i
		}
	}
}
