package main

// The frame of a deferred call's caller during a panic is gc's runtime.gopanic, at the line of
// GOROOT's runtime/panic.go where gopanic calls the deferred function (never line 0), in
// runtime.Caller, CallersFrames and FuncForPC. Expected output: Go 1.27.3.

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

func show(f runtime.Frame) {
	if strings.HasPrefix(f.Function, "runtime.") {
		dir := filepath.Base(filepath.Dir(f.File))
		fmt.Println(f.Function, dir+"/"+filepath.Base(f.File), f.Line, strings.HasPrefix(f.File, runtime.GOROOT()))
	} else {
		fmt.Println(f.Function, f.Line)
	}
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		var pcs [10]uintptr
		n := runtime.Callers(1, pcs[:])
		fr := runtime.CallersFrames(pcs[:n])
		for {
			f, more := fr.Next()
			if f.Function == "runtime.gopanic" || strings.HasPrefix(f.Function, "main.") {
				show(f)
			}
			if !more || f.Function == "main.main" {
				break
			}
		}
		pc, file, line, ok := runtime.Caller(1)
		fmt.Println(runtime.FuncForPC(pc).Name(), filepath.Base(file), line, ok)
	}()
	var p *int
	fmt.Println(*p)
}
