package main

// Line directives (`//line` at the start of a line, `/*line*/` anywhere) move the positions
// runtime.Caller, CallersFrames and FuncForPC report, as gc's position bases do: a relative
// file name is joined to the source file's directory, an empty one is "??", an empty one with a
// column keeps the previous name. A bounds check is at the line of its `[` (gc's position of
// an index expression), also across lines without directives. Expected output: Go 1.27.3.

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

func where(skip int) string {
	_, file, line, ok := runtime.Caller(skip + 1)
	if !ok {
		return "caller failed"
	}
	abs := filepath.IsAbs(file)
	return fmt.Sprintf("%s:%d abs=%v", filepath.Base(file), line, abs)
}

var i = 7
var sink int

// panicLine runs f and reports the file and line of f's frame when it panics.
func panicLine(f func()) (s string) {
	defer func() {
		e := recover()
		var pcs [16]uintptr
		n := runtime.Callers(1, pcs[:])
		frames := runtime.CallersFrames(pcs[:n])
		for {
			fr, more := frames.Next()
			if strings.HasPrefix(fr.Function, "main.main.func") {
				s = fmt.Sprintf("%v at %s:%d", e, filepath.Base(fr.File), fr.Line)
				return
			}
			if !more {
				break
			}
		}
		s = fmt.Sprint(e, " frame not found")
	}()
	f()
	return "no panic"
}

func main() {
	fmt.Println(where(0))
//line other.go:100
	fmt.Println(where(0))
	fmt.Println(where(0))
//line :200
	fmt.Println(where(0))
//line /abs/dir/third.go:300:5
	fmt.Println(where(0))
//line :400:1
	fmt.Println(where(0))
	/*line mid.go:500:1*/ fmt.Println(where(0)); /*line :600:1*/ fmt.Println(where(0))
	fmt.Println(where(0))
	pc, _, _, _ := runtime.Caller(0)
	fn := runtime.FuncForPC(pc)
	file, line := fn.FileLine(pc)
	fmt.Println(fn.Name(), filepath.Base(file), line)
	fmt.Println(panicLine(func() {
		var a [3]int
		sink = a /*line idx.go:700:1*/ [ /*line :800:1*/ i]
	}))
	fmt.Println(panicLine(func() {
		s := []int{1}
		s /*line idx.go:900:1*/ [ /*line :1000:1*/ i] = 2
	}))
	fmt.Println(panicLine(func() {
		s := "abc"
		_ = s /*line idx.go:1100:1*/ [ /*line :1200:1*/ i:]
	}))
	fmt.Println(panicLine(func() {
		var a []int
		sink = a[
			i]
	}))
	fmt.Println(panicLine(func() {
		var a [2][2]int
		sink = a[1][
			i]
	}))
}
