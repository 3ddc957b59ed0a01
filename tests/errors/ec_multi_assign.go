package main

// Values of a multi-valued call are "Nth function result" in assignments and returns
// (types2's multiExpr) but keep the call as expression in arguments; several targets make
// the context "multiple assignment" (types2's assignVars/initVars).

func two() (string, []int) { return "", nil }

func h(x int, y int) {}

func r() (int, int) {
	return two()
}

func main() {
	h(two())
	var a, b int = two()
	a, b = two()
	x, y := 1, 2
	x, y = two()
	a, b = 1, "s"
	x, z := "s", 1
	_, _, _, _, _ = a, b, x, y, z
}
