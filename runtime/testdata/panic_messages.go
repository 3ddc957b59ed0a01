package main

import (
	"errors"
	"fmt"
	"strings"
)

type I interface{ M() }
type T struct{}
type MyErr struct{}

func (*MyErr) Error() string { return "my" }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%v | %T\n", r, r)
	}()
	f()
}

func main() {
	try(func() { var m map[string]int; m["a"] = 1 })
	try(func() { n := -1; _ = make([]int, n) })
	try(func() { n := 10; _ = make([]int, n, 5) })
	try(func() { n := 1 << 62; _ = make([]int, n) })
	try(func() { m := map[any]int{}; m[[]int{1}] = 1 })
	try(func() { var a, b any = []int{1}, []int{1}; _ = a == b })
	try(func() { var x any = "s"; _ = x.(int) })
	try(func() { var x any; _ = x.(int) })
	try(func() { var x any; _ = x.(I) })
	try(func() { var x any = T{}; _ = x.(I) })
	try(func() { var e error = errors.New("x"); _ = e.(*MyErr) })
	try(func() { _ = strings.Repeat("x", -1) })
	try(func() { var m map[any]int; _ = m[[]int{}] })
	try(func() { n := -1; _ = make(map[int]int, n) })
	var x any = map[string]int{"a": 1}
	var y any = struct{ A []int }{}
	try(func() { _ = x == x })
	try(func() { _ = y == y })
}
