// runtime.Stack (the runtime facade over gojit's tracebacks): the calling goroutine's frames from
// Stack's caller, every goroutine's with all, truncation to len(buf). Addresses, arguments and
// directories are cut. Expected output from Go 1.27.3.

package main

import (
	"fmt"
	"runtime"
	"strings"
)

func show(all bool) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, all)
	for _, l := range strings.Split(string(buf[:n]), "\n") {
		if i := strings.LastIndex(l, "/"); i >= 0 && strings.HasPrefix(l, "\t") {
			l = l[i+1:]
			if j := strings.Index(l, " +"); j >= 0 {
				l = l[:j]
			}
		}
		if j := strings.Index(l, "("); j >= 0 && !strings.HasPrefix(l, "goroutine") {
			l = l[:j]
		}
		fmt.Println(l)
	}
}

func a() { show(false) }

func main() {
	a()
	done := make(chan bool)
	go func() {
		<-done
	}()
	runtime.Gosched()
	show(true)
	small := make([]byte, 10)
	fmt.Println(runtime.Stack(small, false), string(small))
	close(done)
}
