// Open-coded vs chained defers, side by side (DESIGN §4.2, §4.3).
//
// openCoded has three defer statements outside loops: the compiler gives it a deferBits byte
// and one closure slot per defer; each return (and the panic walk) runs the set bits from
// high to low, clearing each bit before the call. chained defers inside a loop, which Go
// cannot open-code: every iteration pushes a record on the goroutine's defer chain, and the
// records run newest first.
//
// Named results: a deferred closure can read and change them, also after recovering a panic
// (the frame resumes at its handler, its deferreturn block runs the remaining defers and
// returns the named result slots).
//
// Watch with `gojit run --trace-panics examples/defer_kinds.go`: for openCoded the walk prints
// "deferBits 0b00000111 -> 0b00000011, running defer 2" and so on; for chained it prints
// "running chained defer" once per record; then "recovered by ..." and "resume ... at handler".
package main

import (
	"errors"
	"fmt"
)

func openCoded(fail bool) (log string) {
	defer func() {
		if r := recover(); r != nil {
			log += fmt.Sprintf(" recovered(%v)", r)
		}
	}()
	defer func() { log += " d1" }()
	if fail {
		defer func() { log += " d2(conditional)" }()
		panic("open-coded panic")
	}
	log = "body"
	return log
}

func chained(n int, fail bool) (log string) {
	defer func() {
		if r := recover(); r != nil {
			log += fmt.Sprintf(" recovered(%v)", r)
		}
	}()
	for i := 0; i < n; i++ {
		k := i // a fresh variable per iteration (same meaning in every Go version)
		defer func() { log += fmt.Sprintf(" loop%d", k) }()
	}
	if fail {
		panic("chained panic")
	}
	log = "body"
	return log
}

// safeDiv turns a panic into an error result after the fact.
func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("safeDiv(%d, %d): %v", a, b, r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

// counter shows a deferred closure modifying a result that a plain return already set.
func counter() (n int) {
	defer func() { n *= 10 }()
	defer func() { n++ }()
	return 4 // n = 4, then n++ -> 5, then n *= 10 -> 50
}

// many has nine defer statements: more than the eight bits of deferBits, so it is chained too.
func many() (s string) {
	defer func() { s += "1" }()
	defer func() { s += "2" }()
	defer func() { s += "3" }()
	defer func() { s += "4" }()
	defer func() { s += "5" }()
	defer func() { s += "6" }()
	defer func() { s += "7" }()
	defer func() { s += "8" }()
	defer func() { s += "9" }()
	return "defers:"
}

var errNegative = errors.New("negative input")

// checked recovers a panic carrying an error and returns that error.
func checked(x int) (res int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	if x < 0 {
		panic(errNegative)
	}
	res = x * 2
	return
}

func main() {
	fmt.Println("openCoded(false):", openCoded(false))
	fmt.Println("openCoded(true): ", openCoded(true))
	fmt.Println("chained(3, false):", chained(3, false))
	fmt.Println("chained(3, true): ", chained(3, true))
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println("counter():", counter())
	fmt.Println("many():", many())
	r, err := checked(21)
	fmt.Println("checked(21):", r, err)
	r, err = checked(-1)
	fmt.Println("checked(-1):", r, err, errors.Is(err, errNegative))
}
