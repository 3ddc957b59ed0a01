// runtime.Caller, Callers, CallersFrames and FuncForPC from deferred calls run at a function's
// exits (gojit emits a deferred func literal's body inline there) and on panicking paths: the
// literal is a frame of its own, the enclosing function's line is that of the exit that ran it
// (the `return`, or the closing brace when falling off the end). Expected output: Go 1.27.3.
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

// exitLine is the line of the caller's caller: from a deferred call, the exit that ran it.
func exitLine() int {
	_, _, line, _ := runtime.Caller(2)
	return line
}

func who() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func report(skip int) {
	pc, file, line, ok := runtime.Caller(skip)
	fmt.Println("  caller", skip, file[strings.LastIndex(file, "/")+1:], line, ok, runtime.FuncForPC(pc).Name())
}

// stack prints the frames of its caller's stack down to main.main, from Callers.
func stack() {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		fr, more := frames.Next()
		if !strings.HasPrefix(fr.Function, "runtime.") {
			fmt.Println("  frame", fr.Function, fr.Line)
		}
		if fr.Function == "main.main" || !more {
			break
		}
	}
}

// the program of the original report
func f() (n int) {
	defer func() {
		_, _, line, _ := runtime.Caller(1)
		n = line
	}()
	if n == 0 {
		return 0
	}
	return 1
}

func g() {
	defer func() {
		pc, _, line, _ := runtime.Caller(0)
		println(runtime.FuncForPC(pc).Name(), line)
		_, _, line, _ = runtime.Caller(1)
		println("caller1", line)
	}()
	println("g")
}

func h() {
	report(1)
	report(2)
}

func deferNamedFunc(x int) int {
	defer h()
	if x > 0 {
		return x +
			1
	}
	return 0
}

func deferInLoop() {
	for i := 0; i < 2; i++ {
		defer func() {
			report(1)
			report(2)
		}()
	}
}

func namedResult() (r int) {
	defer func() {
		r = where()
		fmt.Println("who", who())
		stack()
	}()
	r = 5
	return r * 2
}

func recoverThenStack() {
	defer func() {
		if e := recover(); e != nil {
			fmt.Println("recovered", e)
			report(0)
			stack()
		}
	}()
	panic("boom")
}

func fallOff() {
	defer func() {
		report(1)
	}()
	fmt.Println("fallOff")
}

func deferArgs() {
	defer fmt.Println("deferred print", where())
	defer report(1)
}

type T struct{}

func (T) M() {
	defer func() {
		fmt.Println("M", who(), where())
		stack()
	}()
}

func twoDefers(fail bool) (s string) {
	defer func() {
		s += fmt.Sprint(" outer ", where(), " ", exitLine())
	}()
	defer func() {
		s += fmt.Sprint("inner ", where(), " ", who(), " ", exitLine())
	}()
	if fail {
		return "early "
	}
	s = "late "
	return
}

// fail is small enough to be inlined into its callers (by gc, and by gojit).
func fail(msg string) {
	panic(msg)
}

func panicNil() {
	defer func() {
		fmt.Println("recovered:", recover() != nil)
	}()
	defer func() {
		stack()
	}()
	var p *int
	fmt.Println(*p)
}

func panicInlined() (err string) {
	defer func() {
		err = fmt.Sprint(recover(), " recovered in ", who())
	}()
	defer stack()
	fail("inlined")
	return "none"
}

func main() {
	fmt.Println(f())
	g()
	fmt.Println(where(), who())
	fmt.Println(deferNamedFunc(1))
	fmt.Println(deferNamedFunc(0))
	deferInLoop()
	fmt.Println(namedResult())
	recoverThenStack()
	fallOff()
	deferArgs()
	T{}.M()
	fmt.Println(twoDefers(true))
	fmt.Println(twoDefers(false))
	panicNil()
	fmt.Println(panicInlined())
	func() {
		defer func() {
			report(1)
			stack()
		}()
	}()
	pc, _, _, _ := runtime.Caller(0)
	fn := runtime.FuncForPC(pc)
	_, l := fn.FileLine(pc)
	fmt.Println(fn.Name(), l, fn.Entry() != 0, fn.Entry() <= pc)
}
