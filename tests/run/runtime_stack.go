// runtime.Stack (the runtime facade over gojit's tracebacks): the calling goroutine's frames from
// Stack's caller, every goroutine's with all, truncation to len(buf). Addresses, arguments and
// directories are cut, and so is the number of a goroutine other than main's (gc numbers them
// from per-P batches: 4, 5, 7 or 19 from run to run on a loaded machine). The goroutine main
// starts is waited for until it is parked on its channel (on several Ps it may still be starting
// when main asks). Expected output from Go 1.27.3.

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
		if strings.HasPrefix(l, "goroutine ") && !strings.HasPrefix(l, "goroutine 1 ") {
			if j := strings.Index(l, " ["); j >= 0 {
				l = "goroutine N" + l[j:]
			}
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
	for {
		buf := make([]byte, 4096)
		if strings.Contains(string(buf[:runtime.Stack(buf, true)]), "[chan receive]") {
			break
		}
		runtime.Gosched()
	}
	show(true)
	small := make([]byte, 10)
	fmt.Println(runtime.Stack(small, false), string(small))
	close(done)
}
