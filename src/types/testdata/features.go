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

func (errorsPkg) As(err error, target any) bool { _, ok := target.(**MyErr); return ok && err != nil }
func (errorsPkg) Unwrap(err error) error       { return err }
func (errorsPkg) Is(err, target error) bool    { return err == target }

type Animal interface {
	Sound() string
	Name() string
}

type Base struct{ name string }

func (b Base) Name() string { return b.name }

type Dog struct {
	Base
	age int
}

func (d *Dog) Sound() string { return "woof" }


type MyErr struct{ code int }

func (e *MyErr) Error() string { return "code " + fmt.Sprint(e.code) }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

const (
	A = iota * 10
	B
	C
	_
	E
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

var global = compute()

func compute() int { return len([]string{"a", "b"}) + int(Monday) }

func divmod(a, b int) (q, r int) {
	defer func() {
		if x := recover(); x != nil {
			q, r = -1, -1
		}
	}()
	q = a / b
	r = a % b
	return
}

func variadic(prefix string, nums ...int) int {
	s := 0
	for _, n := range nums {
		s += n
	}
	return s + len(prefix)
}

func find(m map[string][]int, k string) ([]int, bool) {
	v, ok := m[k]
	return v, ok
}

func main() {
	var a Animal = &Dog{Base{"rex"}, 3}
	fmt.Println(a.Name(), a.Sound())
	d := Dog{age: 1}
	d.name = "x"
	fmt.Println(d.Sound(), d.Base.Name())
	f := d.Sound
	g := (*Dog).Sound
	h := Base.Name
	fmt.Println(f(), g(&d), h(d.Base))
	var err error = &MyErr{3}
	var me *MyErr
	if errors.As(err, &me) {
		fmt.Println(me.code)
	}
	wrapped := fmt.Errorf("wrap: %w", err)
	fmt.Println(errors.Unwrap(wrapped) == err, errors.Is(wrapped, err))
	var s fmtStringer = Celsius(21.5)
	fmt.Println(s, A, B, C, E, global)
	q, r := divmod(7, 0)
	fmt.Println(q, r)
	fmt.Println(variadic("ab", 1, 2, 3), variadic("x"), variadic("y", []int{4, 5}...))
	m := map[string][]int{"a": {1, 2}}
	if v, ok := find(m, "a"); ok {
		fmt.Println(v)
	}
	var sb []byte
	sb = append(sb, "hi"...)
	sb = append(sb, ' ')
	sb = append(sb, string('é')...)
	fmt.Println(string(sb), len(sb))
	bs := []byte("abc")
	bs = append(bs, "def"...)
	rs := []rune("héllo")
	fmt.Println(string(bs), len(rs), string(rs[1]), string(rune(65)))
	var x interface{} = 42
	switch v := x.(type) {
	case int:
		fmt.Println("int", v+1)
	case string, []byte:
		fmt.Println("str", v)
	case nil:
		fmt.Println("nil")
	default:
		_ = v
	}
	if n, ok := x.(int); ok {
		fmt.Println(n)
	}
	arr := [...]int{1, 2, 3, 5: 9}
	p := &arr
	for i, v := range p {
		_ = i + v
	}
	for i := range 3 {
		fmt.Print(i)
	}
	for range 2 {
	}
	fmt.Println(len(arr), cap(arr[:2]), min(3, 1, 2), max(2.5, 1))
	var fn func(int) int
	fn = func(n int) int {
		if n <= 1 {
			return 1
		}
		return n * fn(n-1)
	}
	fmt.Println(fn(5))
	type local struct{ a, b int }
	l := local{1, 2}
	ptrs := []*local{{3, 4}, &l}
	mm := map[local]string{{1, 2}: "x"}
	fmt.Println(ptrs[0].a, mm[l], []string{"a", "b"}, "ab"+"ab")
	const big = 1 << 62
	var u8 uint8 = 255
	u8++
	var sh uint = 3
	fmt.Println(big>>60, u8, 1<<sh, ^0, -5%3, 7.0/2)
	n, e := len("12"), error(nil)
	fmt.Println(n, e)
	clear(mm)
	delete(mm, l)
	copy(bs, "zz")
	goto end
end:
	for i := 0; i < 3; i++ {
		if i == 1 {
			continue
		}
	}
outer:
	for {
		switch {
		case true:
			break outer
		}
	}
	var iface interface{ Name() string } = d
	_ = iface
	print("done\n")
	println(1, "x", 2.5)
	defer panic(0)
}
