// gojit's runtime facade: goroutines and the scheduler (gojit-runtime's sched/).

package runtime

// Gosched yields the processor, allowing other goroutines to run.
func Gosched()

// NumGoroutine returns the number of goroutines that currently exist.
func NumGoroutine() int

// NumCPU returns the number of logical CPUs usable by the current process.
func NumCPU() int

// GOMAXPROCS sets the maximum number of CPUs that can be executing simultaneously and returns
// the previous setting; n < 1 does not change it.
func GOMAXPROCS(n int) int
