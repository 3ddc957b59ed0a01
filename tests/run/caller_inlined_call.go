// runtime.Caller, FuncForPC and CallersFrames through calls of small functions (inlined by gc and
// by gojit): each inlined call is a frame of its own, named by its function, at the line of the
// call in its caller; a call's line is that of its `(` (a call spanning lines, `func(){...}()`).
// Expected output: Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
	"strings"
)

func where() int {
	_, _, line, _ := runtime.Caller(1)
	return line
}

func here() string {
	pc, _, _, _ := runtime.Caller(0)
	f := runtime.FuncForPC(pc)
	_, line := f.FileLine(pc)
	return fmt.Sprint(f.Name(), " ", line)
}

func callerName() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func nested() string {
	return callerName() + " " + here()
}

func frames(skip int) []string {
	pcs := make([]uintptr, 16)
	n := runtime.Callers(skip, pcs)
	fs := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		fr, more := fs.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") {
			out = append(out, fmt.Sprint(fr.Function, ":", fr.Line))
		}
		if fr.Function == "main.main" || !more {
			break
		}
	}
	return out
}

func level2() []string {
	return frames(1)
}

func level1() []string {
	return level2()
}

type point struct{ x, y int }

func (p point) String() string {
	return fmt.Sprint(p.x, ",", p.y, " from ", callerName())
}

func main() {
	fmt.Println(where(), here())
	fmt.Println(nested())
	fmt.Println(level1())
	fmt.Println(
		where(),
		where())
	xs := []int{1, 2,
		where()}
	fmt.Println(xs)
	f := where
	fmt.Println(f(), func() int {
		return where()
	}())
	fmt.Println(point{1, 2}.String())
	s := struct{ g func() int }{where}
	fmt.Println(s.
		g())
	fmt.Println(func() string {
		return callerName()
	}())
}
