// runtime.Caller, Callers, CallersFrames and FuncForPC (the runtime facade over gojit's function
// table): file:line of calls, function names as gc prints them (methods, generics, closures),
// frames of a deferred call run by a panic (its caller is runtime.gopanic, as in gc). gc's
// runtime.main and runtime.goexit frames are filtered out: gojit has none. Expected output from Go 1.27.3.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

type T struct{}

func (T) M() string      { return where(1) }
func (*T) P() string     { return where(1) }
func gen[X any](x X) string { return where(1) }

func where(skip int) string {
	pc, file, line, ok := runtime.Caller(skip)
	if !ok {
		return "?"
	}
	fn := runtime.FuncForPC(pc)
	f2, l2 := fn.FileLine(pc)
	return fmt.Sprintf("%s %s:%d ok=%v same=%v entry<=pc=%v", fn.Name(), base(file), line, ok, f2 == file && l2 == line, fn.Entry() <= pc)
}

func stack() []string {
	pcs := make([]uintptr, 10)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	var out []string
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "runtime.") {
			if !more {
				break
			}
			continue
		}
		out = append(out, fmt.Sprintf("%s:%d %s", base(f.File), f.Line, f.Function))
		if !more {
			break
		}
	}
	return out
}

func deep(n int) []string {
	if n == 0 {
		return stack()
	}
	return deep(n - 1)
}

func main() {
	_, file, line, ok := runtime.Caller(0)
	fmt.Println(base(file), line, ok)
	fmt.Println(where(0))
	fmt.Println(where(1))
	fmt.Println(T{}.M())
	fmt.Println((&T{}).P())
	fmt.Println(gen(3))
	func() {
		fmt.Println(where(1))
	}()
	fmt.Println(deep(2))
	_, _, _, ok = runtime.Caller(100)
	fmt.Println(ok)
	fmt.Println(runtime.FuncForPC(0) == nil, runtime.FuncForPC(0).Name() == "")
	defer func() {
		recover()
		// the deferred call's caller is the panic (gc's runtime.gopanic frame)
		pc, _, _, _ := runtime.Caller(1)
		fmt.Println(runtime.FuncForPC(pc).Name())
		fmt.Println(where(1))
		fmt.Println(deep(0))
	}()
	var m map[int]int
	m[0] = 1
}

func base(p string) string { return p[strings.LastIndex(p, "/")+1:] }
