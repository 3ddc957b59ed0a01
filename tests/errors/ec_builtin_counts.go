package main

// Argument counts of built-ins (types2 wording: invalid operation prefix, append's ... form
// checked as a call of func(S, ...E) S) and labels that exist but do not enclose the branch.

func F3() (float64, float64, float64) { return 1, 2, 3 }

func main() {
	s := []int{1}
	_ = append(s...)
	_ = append(s, 2, s...)
	_ = complex(F3())
	_ = len(s, s)
	_ = copy(s)
L1:
	for {
		break L1
	}
	for {
		continue L1
	}
}
