package main

// A type or an uncalled built-in on the left of an assignment is excluded as an expression
// first (types2's lhsVar), and literal keys are checked as indices.

func main() {
	new = nil
	byte = 1
	_ = []int{-1: 1}
	_ = [2]int{5: 1}
	_ = [...]int{1.5: 1}
}
