package main

// `fallthrough` under labels as the last statement of a switch clause is the clause's fallthrough
// (types2 passes the statement context through labels; gojit reported "fallthrough statement out
// of place", a false rejection of Go's test/fixedbugs/bug495.go). Expectation from Go 1.27.3.

import "fmt"

func f(i int) (out []string) {
	switch i {
	case 0:
		out = append(out, "zero")
		goto lab
	lab:
		fallthrough
	case 1:
		out = append(out, "one")
		if i < 0 {
			goto outer
		}
		goto inner
	outer:
	inner:
		fallthrough
	case 2:
		out = append(out, "two")
		if i == 1 {
			goto outer2
		}
		out = append(out, "not one")
	outer2:
		fallthrough
	default:
		out = append(out, "default")
	}
	_ = 0
	return
}

func main() {
	for i := 0; i < 4; i++ {
		fmt.Println(i, f(i))
	}
}
