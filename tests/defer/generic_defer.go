// Defer, panic and recover inside generic functions and methods of generic types (open-coded and
// chained defers per instance). Expected output from Go 1.27.3 (go run).
package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (v T, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pop: %v", r)
		}
	}()
	v = s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

func Try[T any](f func() T) (res T, msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint("recovered: ", r)
		}
	}()
	return f(), "ok"
}

func Loop[T fmt.Stringer](xs []T) {
	for _, x := range xs {
		defer fmt.Println("deferred", x.String())
	}
	fmt.Println("loop done")
}

type N int

func (n N) String() string { return fmt.Sprintf("N%d", int(n)) }

func Must[T comparable](v, bad T) T {
	if v == bad {
		panic(fmt.Sprintf("bad value %v", v))
	}
	return v
}

func main() {
	var s Stack[string]
	s.Push("a")
	fmt.Println(s.Pop())
	fmt.Println(s.Pop())
	var is Stack[int]
	is.Push(7)
	fmt.Println(is.Pop())
	fmt.Println(Try(func() int { return 42 }))
	fmt.Println(Try(func() string { panic("boom") }))
	Loop([]N{1, 2, 3})
	fmt.Println(Must(3, 0))
	defer fmt.Println("main deferred")
	Must("x", "x")
}
