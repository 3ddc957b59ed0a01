package main

// Issue 14: a bool returned by a runtime entry point (interface, string and array comparison,
// strings.*, errors.*) used to reach gort_printbool with garbage in the upper bits of its
// register, and println then wrote megabytes of process memory. Narrow arguments (a byte, a
// rune) computed from wider values go to the runtime the same way.

import (
	"errors"
	"fmt"
	"strings"
)

type E struct{ s string }

func (e *E) Error() string { return e.s }

type P struct {
	a int
	b string
}

type Stringer interface{ String() string }

type N int

func (n N) String() string { return fmt.Sprint(int(n)) }

func main() {
	var x, y interface{} = "a", "a"
	println(x == y)
	println(x != y)
	var i, j interface{} = P{1, "q"}, P{1, "q"}
	println(i == j, i != j)
	var k, l interface{} = [3]int{1, 2, 3}, [3]int{1, 2, 4}
	println(k == l, k != l)
	var s1, s2 Stringer = N(4), N(4)
	println(s1 == s2)

	h, w := "hello, world", "world"
	println(strings.Contains(h, w), strings.Contains(h, "x"))
	println(strings.HasPrefix(h, "hell"), strings.HasSuffix(h, "hell"))
	println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Ga"))
	println(strings.ContainsRune(h, 'w'), strings.ContainsAny(h, "xyz"))
	println(h[7:] == w, h[:5] == w)

	base := errors.New("base")
	wrapped := fmt.Errorf("wrap: %w", base)
	println(errors.Is(wrapped, base), errors.Is(base, wrapped))
	var target *E
	var err error = &E{"e"}
	println(errors.As(err, &target), target.s)

	a1, a2 := [4]string{"a", "b"}, [4]string{"a", "b"}
	println(a1 == a2)

	// booleans used as values, not only printed
	n := 0
	for _, b := range []bool{x == y, strings.Contains(h, w), errors.Is(wrapped, base)} {
		if b {
			n++
		}
	}
	println(n)

	// narrow arguments computed from wide values
	big := 0x7700 + int(w[0])
	var sb strings.Builder
	sb.WriteByte(byte(big))
	sb.WriteRune(rune(0x10000 + 0x263A - 0x10000))
	println(sb.String(), strings.IndexByte(h, byte(big)), strings.IndexRune(h, rune(big-0x7700)))
}
