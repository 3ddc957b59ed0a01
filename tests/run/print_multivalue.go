package main

// print/println of a multi-value call (Go's test/fixedbugs/issue35576.go): each result is an
// operand, floats print in Go 1.27's shortest form (the go1.21 test tree's issue35576.out still
// expects `+4.200000e+001`). Expectation: Go 1.27.3.

func f() (int16, float64, string) { return -42, 42.0, "x" }

func g() (complex128, bool, float32) { return 1.5 - 2i, true, 0.1 }

func main() {
	print(f())
	println(f())
	println(g())
	print(g())
	println()
}
