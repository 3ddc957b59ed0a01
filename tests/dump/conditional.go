package main

// Conditional defers are still open-coded: each sets its own bit in deferBits only when its
// statement runs, and the exits test every bit from high to low.

func show(i int) {
	println("defer", i)
}

func g(a, b bool) {
	defer show(0)
	if a {
		defer show(1)
	}
	if b {
		defer show(2)
	}
	println("body")
}

func main() {
	g(false, true)
	g(true, false)
}
