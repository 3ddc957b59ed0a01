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

// LockOSThread wires the calling goroutine to its current operating system thread. gojit runs
// every goroutine of a program on one thread (one M), so each goroutine already stays on it.
func LockOSThread() {
}

// UnlockOSThread undoes an earlier call to LockOSThread (nothing to undo with one thread).
func UnlockOSThread() {
}

// NumCgoCall returns the number of cgo calls made by the current process (gojit has no cgo).
func NumCgoCall() int64 {
	return 0
}
