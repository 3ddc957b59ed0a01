package main

import "fmt"

type Point struct {
	X, Y int
	Name string
	Tags []string
	M    map[string]int
	P    *Point
	I    interface{}
	E    error
	F    func()
	A    [2]float64
	B    bool
	R    rune
	U    uint8
}

func main() {
	var (
		i   int
		i8  int8
		u64 uint64
		f   float64
		b   bool
		s   string
		r   rune
		by  byte
		up  uintptr
		p   *int
		sl  []int
		m   map[string]int
		fn  func()
		ifc interface{}
		err error
		arr [3]int
		st  Point
	)
	fmt.Println(i, i8, u64, f, b, s == "", r, by, up)
	fmt.Println(p, sl, m, fn == nil, ifc, err, arr)
	fmt.Printf("%v\n%+v\n", st, st)
	fmt.Printf("[%s] [%q] [%v] [%d] [%t]\n", s, s, sl, arr, b)
	fmt.Println(sl == nil, m == nil, p == nil, ifc == nil, err == nil, st.P == nil, st.Tags == nil)
	var ps *Point
	fmt.Printf("%v %+v\n", ps, ps)
	z := Point{}
	fmt.Println(len(z.Tags), len(z.M), z.M["missing"], z.A[1])
}
