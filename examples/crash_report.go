// An unrecovered panic: the crash report (DESIGN §4.5 step 4, §4.7).
//
// Deferred calls still run on the way up (watch them print), but none recovers, so the walk
// reaches the entry trampoline: stdout is flushed, stderr gets the panic line (errors print
// via Error(), here with a wrapped error), a blank line, "goroutine 1 [running]:" and the
// traceback, and the process exits with status 2.
//
// Watch with `gojit run --trace-panics examples/crash_report.go`: every frame from the
// panicking function up to main is visited; the ones with defers show their deferBits, and
// the refused recover in the logging helper is narrated.
package main

import (
	"errors"
	"fmt"
)

var ErrCorrupt = errors.New("corrupt record")

type Record struct {
	id   int
	data []byte
}

func parse(r Record) int {
	if len(r.data) == 0 {
		panic(fmt.Errorf("parse record %d: %w", r.id, ErrCorrupt))
	}
	return int(r.data[0])
}

// logPanic is a helper: its recover() returns nil because it is not the deferred function
// itself, so the panic keeps going.
func logPanic(where string) {
	if r := recover(); r != nil {
		fmt.Println("never printed")
	}
	fmt.Println("deferred in", where+": recover() from a helper does not stop the panic")
}

func load(records []Record) (sum int) {
	defer func() { logPanic("load") }()
	defer fmt.Println("deferred in load: sum when the defer statement ran =", sum)
	for _, r := range records {
		sum += parse(r)
	}
	return sum
}

func main() {
	defer fmt.Println("deferred in main: runs too, before the crash report")
	fmt.Println("total:", load([]Record{{1, []byte{10}}, {2, []byte{20}}}))
	fmt.Println("total:", load([]Record{{3, []byte{30}}, {4, nil}, {5, []byte{50}}}))
	fmt.Println("not reached")
}
