package main

// An index or slice expression's bounds check is at the line of its `[` (gc's position of the
// expression), not at the statement's first line: the line runtime.Callers reports for the
// panicking frame. Expected output: Go 1.27.3.

import (
	"fmt"
	"runtime"
	"strings"
)

var i = 7
var sink int
var sinkS []int

func frameLine(f func()) (s string) {
	defer func() {
		e := recover()
		var pcs [16]uintptr
		n := runtime.Callers(1, pcs[:])
		frames := runtime.CallersFrames(pcs[:n])
		for {
			fr, more := frames.Next()
			if strings.HasPrefix(fr.Function, "main.main.func") {
				s = fmt.Sprintf("%v: line %d", e, fr.Line)
				return
			}
			if !more {
				return
			}
		}
	}()
	f()
	return "no panic"
}

type T struct{ a, b, c, d, e int }

func main() {
	fmt.Println(frameLine(func() {
		var a []int
		sink = 1 +
			a[i]
	}))
	fmt.Println(frameLine(func() {
		var a [3]T
		a[0].a = 1
		sink = 1 +
			a[i].a
	}))
	fmt.Println(frameLine(func() {
		var a [2][2]int
		sink = a[1][0] +
			a[1][i]
	}))
	fmt.Println(frameLine(func() {
		s := []int{1, 2}
		s[0], s[
			i] = 3, 4
	}))
	fmt.Println(frameLine(func() {
		s := []int{1, 2}
		sinkS = append(s,
			s[1:i]...)
	}))
	fmt.Println(frameLine(func() {
		s := "ab"
		sink = int(s[0]) +
			int(s[i-8])
	}))
	fmt.Println(frameLine(func() {
		m := [][]int{{1}}
		sink = m[0][len(
		m[0])+
		i]
	}))
}
