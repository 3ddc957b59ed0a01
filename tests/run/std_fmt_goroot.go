// GOROOT's fmt: verbs and flags, %v/%+v/%#v/%T of structs, maps (sorted), pointers, nil,
// Stringer/error/Formatter/GoStringer, panics inside String methods, Append*, Sscan*/Fscan,
// Errorf with one and several %w. Expected output: Go 1.27.3 (go run).
package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
)

type Point struct {
	X, Y int
	name string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Bad struct{ n int }

func (b Bad) String() string {
	if b.n == 0 {
		panic("zero Bad")
	}
	return "bad"
}

type NilPanics struct{ p *int }

func (n *NilPanics) String() string { return fmt.Sprint(*n.p) }

type Money struct{ cents int64 }

func (m Money) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	p, pok := f.Precision()
	fmt.Fprintf(f, "Money[%c w=%d,%v p=%d,%v plus=%v minus=%v sharp=%v](%d.%02d)", verb, w, wok, p, pok, f.Flag('+'), f.Flag('-'), f.Flag('#'), m.cents/100, m.cents%100)
}

type G struct{ v int }

func (g G) GoString() string { return fmt.Sprintf("G<%d>", g.v) }

type E struct{ code int }

func (e *E) Error() string { return fmt.Sprint("E", e.code) }

type Tree struct {
	Left, Right *Tree
	Val         int
}

type Inner struct{ A []int }
type Outer struct {
	I   Inner
	P   *Inner
	M   map[string]int
	Any any
	F   func()
	Ch  chan int
	Err error
}

func main() {
	// integers
	for _, f := range []string{"%d", "%5d", "%-5d|", "%05d", "%+d", "%x", "%X", "%#x", "%o", "%#o", "%O", "%b", "%c", "%q", "%U", "%#U", "% d", "%8.3d"} {
		fmt.Printf(f+" ", 42)
	}
	fmt.Println()
	fmt.Printf("%d %d %d %x %x\n", int8(-128), uint64(1<<64-1), -7, -255, "hi")
	// floats
	for _, f := range []string{"%f", "%.2f", "%8.3f", "%e", "%E", "%g", "%G", "%x", "%b", "%v", "%+.3e", "%-10.1f|", "%010.3f"} {
		fmt.Printf(f+" ", 1234.5678)
	}
	fmt.Println()
	fmt.Println(3.0, 1e21, 1e-7, float32(0.1), 2.5e-320, -0.0)
	fmt.Printf("%v %v %.3v %g\n", 1+2i, complex64(-1.5-0.5i), 3.14159+2i, 1e100)
	// strings and bytes
	fmt.Printf("%s|%q|%x|% x|%X|%10s|%-10s|%.2s|%+q|%#q\n", "héllo", "héllo\n", "hi", "hi", []byte("hi"), "r", "l", "trunc", "héllo", "back`q")
	fmt.Printf("%v %s %q %x\n", []byte("ab"), []byte("ab"), []byte("ab"), [3]byte{1, 2, 3})
	fmt.Printf("%t %v %5t|\n", true, false, true)
	// structs, pointers, nil
	p := Point{1, 2, "p"}
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %+v %T\n", &p, &p, &p)
	var np *Point
	var ni any
	var ne error
	fmt.Printf("%v %+v %#v %v %#v %v %d\n", np, np, np, ni, ni, ne, nil)
	t := &Tree{Left: &Tree{Val: 1}, Val: 2}
	fmt.Printf("%v %+v %v\n", t.Right, *t.Left, t.Left.Val)
	o := Outer{I: Inner{[]int{1, 2}}, M: map[string]int{"z": 1, "a": 2, "m": 3}, Any: 5}
	fmt.Printf("%v\n%+v\n", o, o)
	fmt.Printf("%#v\n", Inner{[]int{3}})
	// maps are printed sorted
	fmt.Println(map[int]string{3: "c", 1: "a", 2: "b"}, map[string]bool{"y": true, "x": false})
	fmt.Println(map[float64]int{2.5: 1, -1: 2}, map[bool]int{true: 1, false: 0}, map[[2]int]int{{2, 1}: 1, {1, 2}: 2})
	fmt.Printf("%#v %T\n", map[string]int{"b": 2, "a": 1}, map[string][]int{})
	// slices, arrays
	fmt.Printf("%v %d %x %#v %T %v\n", []int{1, 2}, []int{10, 11}, []int{10, 11}, []string{"a"}, [2]bool{}, [][]int{{1}, {2, 3}})
	fmt.Printf("%v %#v\n", []any{1, "a", nil, 2.5}, []any{1, "a", nil})
	// Stringer, error, Formatter, GoStringer
	fmt.Println(Celsius(21.5), []Celsius{1, 2}, map[string]Celsius{"k": 3})
	fmt.Printf("%v %s %d %#v\n", Celsius(1), Celsius(2), Celsius(3), Celsius(4))
	fmt.Println(&E{3}, []error{&E{1}, nil})
	fmt.Printf("%v|%+8.2x|%-#s\n", Money{1234}, Money{5}, Money{99})
	fmt.Printf("%v %#v %+v\n", G{1}, G{2}, []G{{3}})
	// panics in String methods
	fmt.Println(Bad{1}, Bad{0})
	fmt.Printf("%s|%d\n", Bad{0}, Bad{0})
	var nilp *NilPanics
	fmt.Println(nilp)
	fmt.Println(&NilPanics{})
	// wrong verbs and argument counts
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n", 1)
	fmt.Printf("%[2]d %[1]d %[3]d\n", 1, 2)
	fmt.Printf("%*d|%-*d|%.*f\n", 5, 1, 4, 2, 2, 3.14159)
	fmt.Printf("%z %", 3)
	fmt.Println()
	// Sprint spacing rules, Sprintln
	fmt.Print("a", "b", 1, 2, "c", 3.5, "\n")
	s := fmt.Sprint(1, 2, "x", 3, nil, nil) + fmt.Sprintln("end", 1)
	fmt.Print(s)
	// Append*
	b := fmt.Append(nil, "x", 1, 2)
	b = fmt.Appendf(b, "|%03d|", 7)
	b = fmt.Appendln(b, "done", true)
	fmt.Print(string(b))
	// Fprint* to a writer
	w := bufio.NewWriter(os.Stdout)
	n, err := fmt.Fprintf(w, "buffered %v\n", []int{1})
	w.Flush()
	fmt.Println(n, err)
	var sb strings.Builder
	fmt.Fprint(&sb, "builder", 1)
	fmt.Fprintln(&sb, " and", 2)
	fmt.Print(sb.String())
	// Errorf with %w
	base := errors.New("base")
	e1 := fmt.Errorf("one: %w", base)
	e2 := fmt.Errorf("two: %w, %w", base, &E{9})
	e3 := fmt.Errorf("none: %v", base)
	e4 := fmt.Errorf("bad: %w", 5)
	fmt.Printf("%v %T %v\n%v %T %v\n%v %T %v\n%v %T\n", e1, e1, errors.Unwrap(e1) == base, e2, e2, errors.Is(e2, base), e3, e3, errors.Unwrap(e3), e4, e4)
	var target *E
	fmt.Println(errors.As(e2, &target), target)
	// Sscan*, Fscan
	var i, j int
	var f float64
	var str string
	cnt, err := fmt.Sscanf("12 34 5.5 word", "%d %d %g %s", &i, &j, &f, &str)
	fmt.Println(cnt, err, i, j, f, str)
	cnt, err = fmt.Sscan("7 8.25 hi", &i, &f, &str)
	fmt.Println(cnt, err, i, f, str)
	cnt, err = fmt.Sscanf("x:10", "x:%d", &i)
	fmt.Println(cnt, err, i)
	cnt, err = fmt.Sscanf("abc", "%d", &i)
	fmt.Println(cnt, err)
	var a1, a2 string
	cnt, err = fmt.Sscanln("one two\nthree", &a1, &a2)
	fmt.Println(cnt, err, a1, a2)
	r := strings.NewReader("1 2 3\n4 5\n")
	sum := 0
	for {
		var v int
		_, err := fmt.Fscan(r, &v)
		if err != nil {
			fmt.Println("Fscan stops:", err)
			break
		}
		sum += v
	}
	fmt.Println("sum", sum)
	var h int
	fmt.Sscanf("ff", "%x", &h)
	var ok bool
	fmt.Sscan("true", &ok)
	var ru rune
	fmt.Sscanf("Z", "%c", &ru)
	fmt.Println(h, ok, ru)
	// Sprintf %T of various
	fmt.Printf("%T %T %T %T %T %T\n", 1, "s", 2.0, nil, []any{}, struct{ A int }{})
	fmt.Printf("%T %T %T\n", main, fmt.Println, make(chan<- int))
	fmt.Printf("%p %v\n", nil, (*int)(nil))
	fmt.Printf("%v %d\n", struct{}{}, []*int{nil})
	fmt.Println(fmt.Sprintf("%6.2f%%", 12.345))
}
