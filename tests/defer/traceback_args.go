package main

// Tracebacks print each frame's arguments as gc does (issue 8 §6): hex words, `{...}` around
// strings, slices, interfaces, complex numbers, structs and arrays, `...` after ten components
// and below five levels of nesting, the receiver first. Values gc prints without `?` must be
// equal; addresses and the words gc marks `?` are masked (tests/corpus.rs::traceback_shape).
// Expectations: Go 1.27.3 (.tb via tests/regen_tracebacks.sh).
import "fmt"

type P struct {
	X, Y int
	S    string
}

type T struct {
	a int8
	b int16
}

type D1 struct{ d D2 }
type D2 struct{ d D3 }
type D3 struct{ d D4 }
type D4 struct{ d D5 }
type D5 struct{ v int }

var sink []int

//go:noinline
func (t T) M(z complex128, f float64, b bool, d D1) {
	if sink == nil {
		panic(fmt.Sprint("M ", t.a, t.b, real(z), f, b, d.d.d.d.d.v))
	}
}

//go:noinline
func (t *T) PM(k uint16, r rune) {
	T{t.a, t.b}.M(3+4i, 1.5, k == 9, D1{})
	sink = append(sink, int(k), int(r))
}

//go:noinline
func g(n int, s string, p P, xs []int, e error, arr [3]byte, u uint8) {
	t := &T{int8(n), int16(len(s))}
	t.PM(9, 'x')
	fmt.Println(n, s, p, xs, e, arr, u)
}

//go:noinline
func many(a, b, c, d, e, f, g2, h, i, j, k, l int) {
	g(a, "hi", P{b, c, "s"}, nil, nil, [3]byte{7, 8, 9}, 200)
	fmt.Println(a, b, c, d, e, f, g2, h, i, j, k, l)
}

func main() {
	call := func(x int, y int32) {
		many(x, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, int(y))
	}
	call(1, 12)
}
