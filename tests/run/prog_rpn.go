package main

import (
	"errors"
	"fmt"
	"strings"
)

type Stack struct{ data []float64 }

func (s *Stack) Push(v float64) { s.data = append(s.data, v) }
func (s *Stack) Pop() (float64, error) {
	if len(s.data) == 0 {
		return 0, errors.New("stack underflow")
	}
	v := s.data[len(s.data)-1]
	s.data = s.data[:len(s.data)-1]
	return v, nil
}
func (s *Stack) Len() int { return len(s.data) }

func parseNum(tok string) (float64, bool) {
	var v float64
	frac := 0.0
	neg := false
	if strings.HasPrefix(tok, "-") && len(tok) > 1 {
		neg = true
		tok = tok[1:]
	}
	for _, c := range tok {
		switch {
		case c == '.' && frac == 0:
			frac = 1
		case c >= '0' && c <= '9':
			if frac > 0 {
				frac /= 10
				v += float64(c-'0') * frac
			} else {
				v = v*10 + float64(c-'0')
			}
		default:
			return 0, false
		}
	}
	if neg {
		v = -v
	}
	return v, true
}

func eval(expr string) (float64, error) {
	var st Stack
	ops := map[string]func(a, b float64) float64{
		"+": func(a, b float64) float64 { return a + b },
		"-": func(a, b float64) float64 { return a - b },
		"*": func(a, b float64) float64 { return a * b },
		"/": func(a, b float64) float64 { return a / b },
	}
	for _, tok := range strings.Fields(expr) {
		if f, ok := ops[tok]; ok {
			b, err := st.Pop()
			if err != nil {
				return 0, err
			}
			a, err := st.Pop()
			if err != nil {
				return 0, err
			}
			st.Push(f(a, b))
			continue
		}
		v, ok := parseNum(tok)
		if !ok {
			return 0, fmt.Errorf("bad token %q", tok)
		}
		st.Push(v)
	}
	if st.Len() != 1 {
		return 0, fmt.Errorf("%d values left on stack", st.Len())
	}
	return st.Pop()
}

func main() {
	for _, e := range []string{"3 4 +", "5 1 2 + 4 * + 3 -", "2.5 -1.5 *", "1 0 /", "1 +", "1 2", "2 x *", "10 4 / 0.25 -"} {
		v, err := eval(e)
		if err != nil {
			fmt.Printf("%-20s error: %v\n", e, err)
		} else {
			fmt.Printf("%-20s = %v\n", e, v)
		}
	}
}
