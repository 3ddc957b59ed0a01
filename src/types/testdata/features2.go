package main

// fmt's functions, declared here too (fmt is compiled from GOROOT, which the single-file
// checker does not load).
type fmtPkg struct{}

var fmt fmtPkg

type fmtStringer interface{ String() string }

func (fmtPkg) Println(a ...any) (int, error)               { return 0, nil }
func (fmtPkg) Print(a ...any) (int, error)                 { return 0, nil }
func (fmtPkg) Printf(format string, a ...any) (int, error) { return 0, nil }
func (fmtPkg) Sprint(a ...any) string                      { return "" }
func (fmtPkg) Sprintf(format string, a ...any) string      { return "" }
func (fmtPkg) Errorf(format string, a ...any) error        { return nil }

// errors' functions, declared here: the single-file checker sees no GOROOT package.
type errorsPkg struct{}

var errors errorsPkg

type errorString struct{ s string }

func (e *errorString) Error() string             { return e.s }
func (errorsPkg) New(s string) error              { return &errorString{s} }
func (errorsPkg) As(err error, target any) bool   { _, ok := target.(*Errno); return ok && err != nil }
func (errorsPkg) Is(err, target error) bool       { return err == target }

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type RW interface {
	Reader
	Writer
	Read() string
}

type file struct{ data []string }

func (f *file) Read() string   { return fmt.Sprint(f.data) }
func (f *file) Write(s string) { f.data = append(f.data, s) }

type Logger struct {
	*file
	prefix string
}

type Errno int

func (e Errno) Error() string { return fmt.Sprint("errno ", int(e)) }

var ErrNotFound = errors.New("not found")

type Op func(int, int) int

func apply(op Op, a, b int) int { return op(a, b) }

type Matrix [2][2]float64

func (m *Matrix) Scale(k float64) {
	for i := range m {
		for j := range m[i] {
			m[i][j] *= k
		}
	}
}

func lookup(k string) (v int, err error) {
	if k == "" {
		return 0, ErrNotFound
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return len(k), nil
}

func main() {
	f := &file{}
	var rw RW = f
	rw.Write("a")
	l := Logger{file: f, prefix: ">"}
	l.Write("b")
	fmt.Println(l.Read == nil, l.data, rw.Read())
	var err error = Errno(2)
	var en Errno
	if errors.As(err, &en) {
		fmt.Println(en, err.Error())
	}
	if _, err := lookup(""); errors.Is(err, ErrNotFound) {
		fmt.Println("nf")
	}
	add := func(a, b int) int { return a + b }
	fmt.Println(apply(add, 1, 2), apply(Op(add), 3, 4))
	m := Matrix{{1, 2}, {3, 4}}
	m.Scale(2)
	fmt.Println(m[1][1], len(m), m)
	var x uint8 = 200
	y := x + 100
	const k = 'a' + 1
	var r rune = k
	b := byte('A')
	s := string(b) + string(r) + "z"[0:1]
	fmt.Println(y, s, s[0] == 'A', len(s) > 0 && s[1] != 'c')
	arr := [3]string{"x", "y"}
	sl := arr[:]
	sl2 := sl[1:2:3]
	ptr := &arr
	ptr[0] = "q"
	fmt.Println(sl2, cap(sl2), (*ptr)[0], ptr[1:])
	type pair struct {
		k string
		v int
	}
	ps := []pair{{"a", 1}, {k: "b"}}
	for _, p := range ps {
		p.v++
	}
	mp := map[string]*pair{"a": &ps[0]}
	mp["a"].v = 10
	fmt.Println(ps[0].v, *mp["a"])
	var iface interface{} = ps
	if v, ok := iface.([]pair); ok && len(v) == 2 {
		fmt.Println("ok")
	}
	switch t := iface.(type) {
	case fmtStringer:
		fmt.Println(t.String())
	case error, nil:
		fmt.Println(t)
	}
	var e2 error
	fmt.Println(e2 == nil, err != nil, err == Errno(2))
	ch := 'x'
	switch ch {
	case 'a', 'b':
	case 'x':
		fmt.Println("x")
		fallthrough
	default:
		fmt.Println("d")
	}
	n := 0
loop:
	for {
		switch {
		case n > 3:
			break loop
		default:
			n++
			continue loop
		}
	}
	if n != 4 {
		panic(1)
	}
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * i })
	}
	fmt.Println(fs[2](), 7/2, 7.0/2, -7%3, 1<<3|1, 5&^1, ^uint8(1))
	var f32 float32 = 1.5
	var f64 = float64(f32) * 2
	fmt.Printf("%v %T %5.2f|%-4d|%x\n", f64, f32, f64, 42, "hi")
	fmt.Printf("%s\n", "DONE")
	var w fmtStringer
	_ = w
	defer fmt.Println("deferred")
	func() {
		defer func() { recover() }()
		panic(errors.New("boom"))
	}()
}
