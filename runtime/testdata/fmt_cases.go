package main

import (
	"errors"
	"fmt"
	"math"
)

type T struct {
	A int
	B string
}

type N struct {
	A  int
	In struct{ B string }
}

type Unexp struct {
	a int
	B bool
}

type Holder struct{ X any }

func main() {
	negz := math.Copysign(0, -1)
	var nilT *T
	var nilS []int
	var nilM map[string]int
	var nilP *int
	err := errors.New("boom")
	cases := []string{
		fmt.Sprintf("%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%b|%c|%q|%U|%#U", 42, 42, 42, -42, 42, 42, 255, 255, 8, 255, 8, 5, 'A', 'A', 0x1F600, 0x1F600),
		fmt.Sprintf("%s|%10s|%-10s|%.2s|%q|%x|% x|%X|%#q", "hello", "hi", "hi", "hello", "a\"b\n\x01é\xff", "hi", "hi", "hi", "back`q"),
		fmt.Sprintf("%v|%f|%.2f|%e|%E|%g|%G|%8.3f|%-8.2f|%08.3f|%+.1f|%v|%v|%v|%+v|% f", 3.14159, 3.14159, 3.14159, 1234.5678, 1234.5678, 1e-7, 1e21, 3.14159, 2.5, -3.14159, 2.0, math.Inf(1), math.NaN(), negz, math.Inf(-1), 1.5),
		fmt.Sprintln(1e6, 1e20, 1e21, 123456.0, 0.000012, 100.0, 2.5, float32(0.1), 1.0/3.0),
		fmt.Sprintf("%t|%v|%v|%d|%s", true, false, nil, nil, nil),
		fmt.Sprintf("%d|%s|%z|%t", "hi", 42, 3, 1.5),
		fmt.Sprintf("%d %d", 1),
		fmt.Sprintf("%d", 1, "a", 2.5, nil),
		fmt.Sprintf("%*d|%-*d|%.*f|%*d", 5, 42, 5, 42, 2, 3.14159, "x", 1),
		fmt.Sprint([]int{1, 2, 3}, []string{"a", "b"}, nilS),
		fmt.Sprintf("%v %d %x %q %s", []int{1, 2}, []int{1, 2}, []int{10, 255}, []string{"a", "b"}, []int{1}),
		fmt.Sprintf("%s|%x|%X|%q|%v|% x|%d", []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte{1, 2}),
		fmt.Sprint(map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", 1: "a", -5: "m"}, nilM, map[float64]int{math.NaN(): 1, 1: 2, -1: 3}, map[bool]int{true: 1, false: 0}),
		fmt.Sprintf("%v|%+v|%v|%+v|%v|%#v|%v", T{1, "x"}, T{1, "x"}, &T{2, "y"}, &T{2, "y"}, nilT, T{1, "x"}, Unexp{3, true}),
		fmt.Sprint("a", 1, 2, "b", 3.0, "c", nil, 4),
		fmt.Sprintln("a", 1, true, nil),
		fmt.Sprintf("%T %T %T %T %T %T %T %T", 1, "s", 2.0, []int{1}, map[string]int{}, nil, T{}, &T{}),
		fmt.Sprintf("%v|%s|%q|%T|%d", err, err, err, err, err),
		fmt.Sprintf("%5v|%-6v|%p|%v|%v", nil, true, nilP, nilP, Holder{}),
		fmt.Sprintf("%x|%08.3d|%.0d|%6.2d|%5s|%q|%q|%+q|%+q|%c", -255, 7, 0, 3, "é", 0x7, 'é', "é", 'é', 0x110000),
		fmt.Sprint(int8(-5), uint8(200), uint64(18446744073709551615), int64(math.MinInt64)),
		fmt.Sprintf("%v|%v|%6.2v|%.3v", Holder{5}, Holder{"s"}, 3.14159, "hello"),
		fmt.Sprintf("%#v|%#v|%#v|%#v|%#v|%#v|%#v|%#v|%#v", []int{1, 2}, map[string]int{"a": 1}, nilS, "s", 42, uint(42), 1.0, true, []byte{1, 2}),
		fmt.Sprintf("%e|%g|%g|%.3g|%#g|%g|%.0f|%.1f|%G", 0.0, 100000.0, 1e6, 1234.5678, 1.0, 1e-5, 0.5, 0.25, 1e-10),
		fmt.Sprintf("%+v|%v", N{1, struct{ B string }{"x"}}, N{}),
		fmt.Sprintf("%d|%[3]d|%[2]d %[1]d|%[5]d", true, 1, 2),
		fmt.Sprintf("%"),
		fmt.Sprintf("abc%-"),
		fmt.Sprintf("%#x|% #x|%05s|%-05d|%.4v", "hi", "hi", "ab", 3, "hello"),
		fmt.Sprintf("%v|%v|%s|%v|%v", [3]int{1, 2, 3}, [2]bool{true}, [2]byte{65, 66}, &[]int{1}, &map[string]int{"a": 1}),
		fmt.Sprintf("%6.2f%%|%-8q|%8.3e|%x|%X", 99.5, "q", 123456.789, 3.5, -1),
		fmt.Sprintf("%v %v", int32(-7), uint16(65535)),
		fmt.Sprintf("%010.3f|%-10.1e|%+010d|% 05d|%x", -1.5, 12345.678, 42, 42, uint8(10)),
	}
	for _, c := range cases {
		fmt.Printf("%q,\n", c)
	}
	fmt.Println(errors.Unwrap(fmt.Errorf("w: %w", err)) == err, fmt.Errorf("w: %w", err))
	fmt.Printf("%T %T %v\n", fmt.Errorf("x %d", 1), fmt.Errorf("w: %w", err), fmt.Errorf("bad %w", 5))
}
