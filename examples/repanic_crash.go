// Recover, then panic again, and nobody recovers the new panic: the crash report keeps the
// recovered panic in the chain and marks it "[recovered]" (DESIGN §4.7):
//   panic: disk full [recovered]
//   	panic: cleanup failed: disk full
// because the deferred call that recovered it had not returned yet when the second panic
// started.
//
// Watch with `gojit run --trace-panics examples/repanic_crash.go`: "recovered by
// main.save.func1", then a new "panic raised" from that same deferred function, which walks up
// to the defer trampoline and aborts the (already recovered) first panic; the walk continues in
// save (deferBits now 0), reaches main, runs main's defer and ends in the crash report.
package main

import "fmt"

type file struct{ name string }

func (f *file) write(n int) {
	if n > 3 {
		panic("disk full")
	}
	fmt.Println("wrote block", n, "to", f.name)
}

func save(f *file) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("save: recovered", r, "- cleaning up")
			panic(fmt.Sprint("cleanup failed: ", r))
		}
	}()
	for i := 1; i <= 5; i++ {
		f.write(i)
	}
}

func main() {
	defer fmt.Println("main: deferred call runs before the crash report")
	save(&file{"data.bin"})
	fmt.Println("not reached")
}
