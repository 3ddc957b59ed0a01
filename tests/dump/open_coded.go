package main

// Three unconditional defers: open-coded (deferBits + 3 closure slots), a recover that
// rewrites the named result, and a call that panics (a try_call to the deferreturn block;
// not inlined, as gc would).

//go:noinline
func mayPanic(n int) int {
	if n > 2 {
		panic("too big")
	}
	return n * 10
}

func note(s string) {
	println(s)
}

func f(n int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	defer note("second")
	defer note("third")
	return mayPanic(n)
}

func main() {
	a, b := f(1), f(5)
	println(a, b)
}
