// Nested panics: a panic raised inside a deferred call while another panic is running.
//
// Watch with `gojit run --trace-panics examples/nested_panics.go`:
//   - the second panic walks up through the deferred call's frames, reaches the defer
//     trampoline and marks the first panic aborted ("panic aborts the older panic ..."),
//   - the walk then continues with the remaining defers of the frame that owned the running
//     defer (its deferBits bit was cleared before the call, so it is not run twice),
//   - a later recover() sees only the newest panic; the aborted one is dropped on resume.
// The last part panics again in a defer and nothing recovers: the crash report (exit status 2)
// prints the chain oldest first, each later panic indented by a tab:
//   panic: boom
//   	panic: boom again
package main

import (
	"errors"
	"fmt"
)

// replaced: the deferred call panics while "first" is running; the outer defer recovers the
// newest panic only.
func replaced() (result string) {
	defer func() {
		r := recover()
		result = fmt.Sprint("recovered: ", r)
	}()
	defer func() {
		fmt.Println("  replaced: inner defer runs during", "first", "and panics again")
		panic("second")
	}()
	panic("first")
}

// chain: three panics, each raised by a deferred call of the one before; the outermost defer
// recovers the last and prints what it sees.
func chain() {
	defer func() {
		fmt.Println("  chain: recover() =", recover())
		fmt.Println("  chain: recover() again =", recover())
	}()
	defer func() {
		panic(errors.New("third (an error value)"))
	}()
	defer func() {
		panic(fmt.Sprintf("second, raised while %q was running", "first"))
	}()
	panic("first")
}

// repanic: recover and panic again with a wrapped value; the first panic was recovered, so it
// is no longer part of any chain.
func repanic() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("  repanic: outer defer recovered:", r)
		}
	}()
	defer func() {
		r := recover()
		panic(fmt.Sprintf("re-raised(%v)", r))
	}()
	panic("original")
}

// deferOrder: the frame that owned the panicking defer still runs its remaining defers.
func deferOrder() {
	defer fmt.Println("  deferOrder: defer 0 (runs last)")
	defer func() {
		fmt.Println("  deferOrder: defer 1 recovers:", recover())
	}()
	defer fmt.Println("  deferOrder: defer 2 (runs after the panicking defer 3)")
	defer func() {
		panic("from defer 3")
	}()
	defer fmt.Println("  deferOrder: defer 4 runs first")
	panic("from body")
}

func crash() {
	defer func() {
		panic("boom again")
	}()
	defer fmt.Println("  crash: this defer runs before the panicking one")
	panic("boom")
}

func main() {
	fmt.Println("replaced:")
	fmt.Println(" ", replaced())
	fmt.Println("chain:")
	chain()
	fmt.Println("repanic:")
	repanic()
	fmt.Println("deferOrder:")
	deferOrder()
	fmt.Println("crash:")
	crash()
	fmt.Println("not reached")
}
