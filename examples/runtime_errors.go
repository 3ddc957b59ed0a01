// Runtime errors are ordinary panics whose values implement error and runtime.Error
// (DESIGN §4.8). Each trial below triggers one in a function with a deferred recover and turns
// it back into an error value.
//
// Watch with `gojit run --trace-panics examples/runtime_errors.go`: the "panic raised" line
// names the runtime error and the site of the explicit check; the walk then visits the trial's
// frame, runs its open-coded defer, and resumes it at its handler.
package main

import (
	"errors"
	"fmt"
	"runtime"
)

// try runs f and converts a runtime panic into an error; other panics are re-raised.
func try(name string, f func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if re, ok := r.(runtime.Error); ok {
			err = fmt.Errorf("%s: %w", name, re)
			return
		}
		panic(r)
	}()
	f()
	return nil
}

type Shape interface{ Area() int }

type Square struct{ side int }

func (s Square) Area() int { return s.side * s.side }

type Node struct {
	val  int
	next *Node
}

func main() {
	xs := []int{1, 2, 3}
	i := 5
	var m map[string]int
	zero := 0
	var n *Node
	var v interface{} = "a string"
	var s Shape

	trials := []struct {
		name string
		f    func()
	}{
		{"index", func() { fmt.Println(xs[i]) }},
		{"slice", func() { fmt.Println(xs[1:i]) }},
		{"nil map", func() { m["k"] = 1 }},
		{"divide", func() { fmt.Println(10 / zero) }},
		{"nil deref", func() { fmt.Println(n.next.val) }},
		{"type assertion", func() { fmt.Println(v.(int)) }},
		{"nil interface method", func() { fmt.Println(s.Area()) }},
		{"no error", func() { fmt.Println("  (this one runs fine)") }},
	}
	for _, t := range trials {
		err := try(t.name, t.f)
		if err == nil {
			fmt.Printf("%-22s ok\n", t.name)
			continue
		}
		var re runtime.Error
		fmt.Printf("%-22s %v (runtime.Error: %t)\n", t.name, err, errors.As(err, &re))
	}

	// Reading a nil map is fine; only writing panics.
	fmt.Println("nil map read:", m["k"], len(m))

	// A non-runtime panic passes through try untouched.
	defer func() { fmt.Println("plain panic value:", recover()) }()
	try("plain", func() { panic("not a runtime error") })
}
