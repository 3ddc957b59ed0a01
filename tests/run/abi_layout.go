// Reads type descriptors through a mirror of Go 1.27's internal/abi layout, using only unsafe:
// the common header (Size_, PtrBytes, Hash, TFlag, Align_, FieldAlign_, Kind_, Equal, GCData,
// Str), the kind trailers, UncommonType and method tables, abi.Name encodings and itabs.
// Expected output from Go 1.27.3 (gc); gojit must lay out its descriptors the same way.
//
// NameOff/TypeOff are offsets from the module's base. The program finds the base without
// reflect or linkname: gc (and gojit) store equal name encodings once, so the struct field name
// "Anchor" (a pointer) and the method name "Anchor" (an offset) are the same bytes.
package main

import (
	"fmt"
	"unsafe"
)

type rtype struct {
	Size_       uintptr
	PtrBytes    uintptr
	Hash        uint32
	TFlag       uint8
	Align_      uint8
	FieldAlign_ uint8
	Kind_       uint8
	Equal       unsafe.Pointer
	GCData      *byte
	Str         int32
	PtrToThis   int32
}

type uncommon struct {
	PkgPath int32
	Mcount  uint16
	Xcount  uint16
	Moff    uint32
	_       uint32
}

type method struct {
	Name int32
	Mtyp int32
	Ifn  int32
	Tfn  int32
}

type imethod struct {
	Name int32
	Typ  int32
}

type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type structField struct {
	Name   *byte
	Typ    *rtype
	Offset uintptr
}

type structType struct {
	rtype
	PkgPath *byte
	Fields  sliceHeader
}

type interfaceType struct {
	rtype
	PkgPath *byte
	Methods sliceHeader
}

type ptrType struct {
	rtype
	Elem *rtype
}

type arrayType struct {
	rtype
	Elem  *rtype
	Slice *rtype
	Len   uintptr
}

type chanType struct {
	rtype
	Elem *rtype
	Dir  int
}

type funcType struct {
	rtype
	InCount  uint16
	OutCount uint16
}

type mapType struct {
	rtype
	Key        *rtype
	Elem       *rtype
	Group      *rtype
	Hasher     unsafe.Pointer
	GroupSize  uintptr
	KeysOff    uintptr
	KeyStride  uintptr
	ElemsOff   uintptr
	ElemStride uintptr
	ElemOff    uintptr
	Flags      uint32
}

type itab struct {
	Inter *rtype
	Type  *rtype
	Hash  uint32
	_     [4]byte
	Fun   [1]uintptr
}

type eface struct {
	typ  *rtype
	data unsafe.Pointer
}

type iface struct {
	tab  *itab
	data unsafe.Pointer
}

var base uintptr

func typeOf(x any) *rtype { return (*eface)(unsafe.Pointer(&x)).typ }

func at(p unsafe.Pointer, off uintptr) unsafe.Pointer { return unsafe.Add(p, off) }

func byteAt(p *byte, i int) byte { return *(*byte)(unsafe.Add(unsafe.Pointer(p), i)) }

func varint(p *byte, off int) (int, int) {
	v := 0
	for i := 0; ; i++ {
		x := byteAt(p, off+i)
		v += int(x&0x7f) << (7 * i)
		if x&0x80 == 0 {
			return i + 1, v
		}
	}
}

func bytesAt(p *byte, off, n int) string {
	b := make([]byte, n)
	for i := 0; i < n; i++ {
		b[i] = byteAt(p, off+i)
	}
	return string(b)
}

// name decodes an abi.Name: flags, name, tag.
func name(p *byte) (byte, string, string) {
	if p == nil {
		return 0, "", ""
	}
	i, l := varint(p, 1)
	n := bytesAt(p, 1+i, l)
	tag := ""
	if byteAt(p, 0)&2 != 0 {
		i2, l2 := varint(p, 1+i+l)
		tag = bytesAt(p, 1+i+l+i2, l2)
	}
	return byteAt(p, 0), n, tag
}

func resolve(off int32) *byte {
	if off == 0 {
		return nil
	}
	return (*byte)(unsafe.Pointer(base + uintptr(off)))
}

func typeString(t *rtype) string {
	_, s, _ := name(resolve(t.Str))
	if t.TFlag&2 != 0 {
		s = s[1:]
	}
	return s
}

func trailerSize(k uint8) uintptr {
	switch k {
	case 17:
		return unsafe.Sizeof(arrayType{})
	case 18:
		return unsafe.Sizeof(chanType{})
	case 19:
		return unsafe.Sizeof(funcType{})
	case 20:
		return unsafe.Sizeof(interfaceType{})
	case 21:
		return unsafe.Sizeof(mapType{})
	case 22:
		return unsafe.Sizeof(ptrType{})
	case 23:
		return unsafe.Sizeof(ptrType{})
	case 25:
		return unsafe.Sizeof(structType{})
	}
	return unsafe.Sizeof(rtype{})
}

func describe(label string, t *rtype) {
	fl, str, _ := name(resolve(t.Str))
	fmt.Printf("%s: %q str=%q strflags=%d size=%d ptrbytes=%d hash=%08x tflag=%#x align=%d fieldalign=%d kind=%d equal=%v\n",
		label, typeString(t), str, fl, t.Size_, t.PtrBytes, t.Hash, t.TFlag, t.Align_, t.FieldAlign_, t.Kind_, t.Equal != nil)
	if t.PtrBytes > 0 && t.TFlag&16 == 0 {
		n := (t.PtrBytes/8 + 7) / 8
		fmt.Printf("  gcdata:")
		for i := 0; i < int(n); i++ {
			fmt.Printf(" %08b", byteAt(t.GCData, i))
		}
		fmt.Println()
	}
	if t.TFlag&16 != 0 {
		fmt.Println("  gcdata on demand")
	}
	p := unsafe.Pointer(t)
	switch t.Kind_ {
	case 17:
		a := (*arrayType)(p)
		fmt.Printf("  array len=%d elem=%q slice=%q\n", a.Len, typeString(a.Elem), typeString(a.Slice))
	case 18:
		c := (*chanType)(p)
		fmt.Printf("  chan dir=%d elem=%q\n", c.Dir, typeString(c.Elem))
	case 19:
		f := (*funcType)(p)
		fmt.Printf("  func in=%d out=%d variadic=%v\n", f.InCount, f.OutCount&0x7fff, f.OutCount&0x8000 != 0)
		off := unsafe.Sizeof(funcType{})
		if t.TFlag&1 != 0 {
			off += unsafe.Sizeof(uncommon{})
		}
		for i := 0; i < int(f.InCount)+int(f.OutCount&0x7fff); i++ {
			pt := *(**rtype)(at(p, off+uintptr(i)*8))
			fmt.Printf("    param %d %q\n", i, typeString(pt))
		}
	case 20:
		it := (*interfaceType)(p)
		_, pkg, _ := name(it.PkgPath)
		fmt.Printf("  interface pkgpath=%q methods=%d\n", pkg, it.Methods.Len)
		for i := 0; i < it.Methods.Len; i++ {
			m := (*imethod)(at(it.Methods.Data, uintptr(i)*8))
			mf, mn, _ := name(resolve(m.Name))
			fmt.Printf("    %q flags=%d %q\n", mn, mf, typeString((*rtype)(unsafe.Pointer(resolve(m.Typ)))))
		}
	case 21:
		m := (*mapType)(p)
		fmt.Printf("  map key=%q elem=%q group=%q groupsize=%d keysoff=%d keystride=%d elemsoff=%d elemstride=%d elemoff=%d flags=%d hasher=%v\n",
			typeString(m.Key), typeString(m.Elem), typeString(m.Group), m.GroupSize, m.KeysOff, m.KeyStride, m.ElemsOff, m.ElemStride, m.ElemOff, m.Flags, m.Hasher != nil)
		g := m.Group
		fmt.Printf("  group size=%d ptrbytes=%d tflag=%#x kind=%d equal=%v\n", g.Size_, g.PtrBytes, g.TFlag, g.Kind_, g.Equal != nil)
		if g.PtrBytes > 0 && g.TFlag&16 == 0 {
			fmt.Printf("  group gcdata:")
			for i := 0; i < int((g.PtrBytes/8+7)/8); i++ {
				fmt.Printf(" %08b", byteAt(g.GCData, i))
			}
			fmt.Println()
		}
	case 22, 23:
		fmt.Printf("  elem=%q\n", typeString((*ptrType)(p).Elem))
	case 25:
		st := (*structType)(p)
		_, pkg, _ := name(st.PkgPath)
		fmt.Printf("  struct pkgpath=%q fields=%d\n", pkg, st.Fields.Len)
		for i := 0; i < st.Fields.Len; i++ {
			f := (*structField)(at(st.Fields.Data, uintptr(i)*unsafe.Sizeof(structField{})))
			ff, fn, tag := name(f.Name)
			fmt.Printf("    %q flags=%d tag=%q offset=%d type=%q\n", fn, ff, tag, f.Offset, typeString(f.Typ))
		}
	}
	if t.TFlag&1 != 0 {
		u := (*uncommon)(at(p, trailerSize(t.Kind_)))
		_, pkg, _ := name(resolve(u.PkgPath))
		fmt.Printf("  uncommon pkgpath=%q mcount=%d xcount=%d\n", pkg, u.Mcount, u.Xcount)
		for i := 0; i < int(u.Mcount); i++ {
			m := (*method)(at(unsafe.Pointer(u), uintptr(u.Moff)+uintptr(i)*16))
			mf, mn, _ := name(resolve(m.Name))
			mt := "unreachable"
			if m.Mtyp != -1 {
				mt = typeString((*rtype)(unsafe.Pointer(resolve(m.Mtyp))))
			}
			fmt.Printf("    method %q flags=%d mtyp=%q\n", mn, mf, mt)
		}
	}
}

// The anchor: a field and a method both named Anchor share one encoded name.
type anchorS struct{ Anchor int }
type anchorM struct{}

func (anchorM) Anchor() {}

type Celsius float64

func (c Celsius) String() string { return "C" }

type Point struct {
	X, Y int
	name string `json:"name,omitempty"`
	Tags []string
	next *Point
}

func (p *Point) Move(dx int) { p.X += dx }
func (p Point) Norm() int    { return p.X + p.Y }
func (p Point) secret() int  { return 0 }

type Shape interface {
	Area() float64
	Name() string
}

type Inner struct{ A, B int32 }
type Outer struct {
	Inner
	C    byte
	D    any
	E    error
	F    [3]string
	G    map[string]int
	H    func(int) bool
	I    chan<- int
	_    int16
	J    complex128
	next unsafe.Pointer
}

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }
func (s Square) Name() string  { return "square" }

type Big [300]*int
type Words []string
type Op func(a, b int, rest ...string) (int, error)

type lower interface {
	m()
	Exported()
}

type impl struct{ v int }

func (impl) m()        {}
func (impl) Exported() {}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) First() K { return p.Key }

type Base struct{ id int }

func (b Base) ID() int     { return b.id }
func (b *Base) SetID(i int) { b.id = i }

type Derived struct {
	*Base
	Name string `k:"\u00e9\t"`
	grid [2][3]*int
}

type Matrix [2]struct {
	p *int
	n int
	s string
}

// Rec refers to itself through a map whose group holds Rec by value.
type Rec struct {
	s string
	m map[int]Rec
}

type Counts map[[130]byte]string
type Pipe chan (<-chan int)

// Not inlined, so gc cannot devirtualize the call (and drop (*Point).Move's Mtyp).
//
//go:noinline
func move(p interface{ Move(int) }) { p.Move(3) }

func main() {
	var ai any = anchorM{}
	at0 := typeOf(ai)
	u := (*uncommon)(at(unsafe.Pointer(at0), trailerSize(at0.Kind_)))
	m := (*method)(at(unsafe.Pointer(u), uintptr(u.Moff)))
	st := (*structType)(unsafe.Pointer(typeOf(anchorS{})))
	f := (*structField)(st.Fields.Data)
	base = uintptr(unsafe.Pointer(f.Name)) - uintptr(m.Name)

	describe("anchorM", at0)
	describe("int", typeOf(0))
	describe("int8", typeOf(int8(0)))
	describe("uint16", typeOf(uint16(0)))
	describe("float64", typeOf(0.5))
	describe("complex64", typeOf(complex64(0)))
	describe("string", typeOf(""))
	describe("bool", typeOf(true))
	describe("uintptr", typeOf(uintptr(0)))
	describe("unsafe.Pointer", typeOf(unsafe.Pointer(nil)))
	describe("*int", typeOf(new(int)))
	describe("*unsafe.Pointer", typeOf(new(unsafe.Pointer)))
	describe("[]int", typeOf([]int{}))
	describe("[4]byte", typeOf([4]byte{}))
	describe("[2]string", typeOf([2]string{}))
	describe("[0]int", typeOf([0]int{}))
	describe("map[string]int", typeOf(map[string]int{}))
	describe("map[int64][200]byte", typeOf(map[int64][200]byte{}))
	describe("map[float64]*int", typeOf(map[float64]*int{}))
	describe("map[any]bool", typeOf(map[any]bool{}))
	describe("chan int", typeOf(make(chan int)))
	describe("<-chan string", typeOf(make(<-chan string)))
	describe("func(int) string", typeOf(func(int) string { return "" }))
	describe("Op", typeOf(Op(nil)))
	describe("Celsius", typeOf(Celsius(1)))
	describe("*Celsius", typeOf(new(Celsius)))
	describe("Point", typeOf(Point{}))
	describe("*Point", typeOf(&Point{}))
	describe("Outer", typeOf(Outer{}))
	describe("Inner", typeOf(Inner{}))
	describe("Big", typeOf(Big{}))
	describe("Words", typeOf(Words{}))
	describe("struct{}", typeOf(struct{}{}))
	describe("struct{a int8; b int64}", typeOf(struct {
		a int8
		b int64
	}{}))
	var sp *Shape
	describe("*Shape", typeOf(sp))
	describe("Shape", (*ptrType)(unsafe.Pointer(typeOf(sp))).Elem)
	var lp *lower
	describe("lower", (*ptrType)(unsafe.Pointer(typeOf(lp))).Elem)
	var ep *error
	describe("error", (*ptrType)(unsafe.Pointer(typeOf(ep))).Elem)
	var anyp *any
	describe("any", (*ptrType)(unsafe.Pointer(typeOf(anyp))).Elem)
	describe("impl", typeOf(impl{}))
	describe("Pair[int,string]", typeOf(Pair[int, string]{}))
	describe("Pair[string,*Point]", typeOf(Pair[string, *Point]{}))
	describe("Derived", typeOf(Derived{}))
	describe("*Derived", typeOf(&Derived{}))
	describe("Matrix", typeOf(Matrix{}))
	describe("Counts", typeOf(Counts{}))
	describe("Rec", typeOf(Rec{}))
	describe("map[int]Rec", typeOf(map[int]Rec{}))
	describe("Pipe", typeOf(Pipe(nil)))
	var pr interface{ First() int } = Pair[int, string]{Key: 7}
	fmt.Println(pr.First())
	var dr interface {
		ID() int
		SetID(int)
	} = &Derived{Base: &Base{}}
	dr.SetID(4)
	fmt.Println(dr.ID())

	var s Shape = Square{2}
	tab := (*iface)(unsafe.Pointer(&s)).tab
	fmt.Printf("itab inter=%q type=%q hash=%v fun0=%v\n", typeString(tab.Inter), typeString(tab.Type), tab.Hash == tab.Type.Hash, tab.Fun[0] != 0)
	var l lower = impl{}
	tab = (*iface)(unsafe.Pointer(&l)).tab
	fmt.Printf("itab inter=%q type=%q hash=%v fun0=%v\n", typeString(tab.Inter), typeString(tab.Type), tab.Hash == tab.Type.Hash, tab.Fun[0] != 0)
	fmt.Println(s.Area(), s.Name())

	// Equal and Hasher are func values: call them as Go code (reflect and maps do).
	eqOf := func(t *rtype) func(unsafe.Pointer, unsafe.Pointer) bool {
		return *(*func(unsafe.Pointer, unsafe.Pointer) bool)(unsafe.Pointer(&t.Equal))
	}
	p1, p2, p3 := Point{X: 1}, Point{X: 1}, Point{X: 2}
	_ = p3
	s1, s2 := "hello", string([]byte("hello"))
	eqs := eqOf(typeOf(""))
	fmt.Println("equal string:", eqs(unsafe.Pointer(&s1), unsafe.Pointer(&s2)), eqs(unsafe.Pointer(&s1), unsafe.Pointer(&p1.name)))
	in1, in2 := Inner{1, 2}, Inner{1, 3}
	eqi := eqOf(typeOf(Inner{}))
	fmt.Println("equal Inner:", eqi(unsafe.Pointer(&in1), unsafe.Pointer(&in1)), eqi(unsafe.Pointer(&in1), unsafe.Pointer(&in2)))
	var a1, a2 any = 3, 3
	eqa := eqOf((*ptrType)(unsafe.Pointer(typeOf(anyp))).Elem)
	fmt.Println("equal any:", eqa(unsafe.Pointer(&a1), unsafe.Pointer(&a2)))
	_ = p2
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var x, y any = []int{1}, []int{1}
		fmt.Println(eqa(unsafe.Pointer(&x), unsafe.Pointer(&y)))
	}()
	mt := (*mapType)(unsafe.Pointer(typeOf(map[string]int{})))
	hasher := *(*func(unsafe.Pointer, uintptr) uintptr)(unsafe.Pointer(&mt.Hasher))
	fmt.Println("hash equal keys:", hasher(unsafe.Pointer(&s1), 7) == hasher(unsafe.Pointer(&s2), 7))
	// Every method is called through an interface, so gc's linker keeps it (and its Mtyp).
	var an interface{ Anchor() } = anchorM{}
	an.Anchor()
	var str interface{ String() string } = Celsius(1)
	fmt.Println(str.String())
	var pi interface {
		Move(int)
		Norm() int
		secret() int
	} = &Point{X: 1, Y: 2}
	move(pi)
	fmt.Println(pi.Norm(), pi.secret())
	l.m()
	l.Exported()
}
