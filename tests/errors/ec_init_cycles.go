package main

// Initialization cycles are found as types2's initOrder does: function nodes are spliced out
// of the graph, so a cycle through a function is reported at the variable (not the function);
// constants are taken first; every node taken while still blocked reports its own cycle.

func fx() int { return x }

var x = fx()

var (
	a, b = f()
	c    = b
)

func f() (int, int) {
	return c, c
}

const A = 1 + B
const B = C - 1
const C = A + B + 1

type T struct{}

func (T) m() int { return y }

var y = T{}.m()

func main() {}
