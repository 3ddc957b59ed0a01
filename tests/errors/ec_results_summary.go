package main

// Count errors summarise untyped operands as types2's typesSummary (number, string, bool) and an
// invalid parameter type as "unknown type"; const specs name what lacks an init expr.

func f() (string, int) {
	return "a"
}

func g() (string, int) {
	return "a", 1, true
}

func bad(int b) {}

const (
	A int = 1
	B byte
)

const C, D = 1, 2, 3

const huge = 1e+500000000
const huger = huge * huge

func main() {
	bad()
}
