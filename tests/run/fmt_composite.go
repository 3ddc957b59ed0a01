package main

import (
	"errors"
	"fmt"
)

type Inner struct {
	N    int
	Tags []string
}

type Outer struct {
	Name  string
	In    Inner
	Ptr   *Inner
	M     map[string]int
	Any   interface{}
	Err   error
	Fn    func()
	Arr   [2]bool
	Empty struct{}
}

func main() {
	in := &Inner{7, []string{"a", "b"}}
	o := Outer{Name: "o", In: Inner{1, nil}, M: map[string]int{"z": 26, "a": 1}, Any: 3.5, Err: errors.New("bad")}
	fmt.Printf("%v\n%+v\n", o, o)
	o.Ptr = in
	fmt.Printf("%v\n", o.Ptr)
	fmt.Printf("%+v\n", o.Ptr)
	fmt.Println([]*int{nil}, []interface{}{nil, 1}, map[string]interface{}{"k": nil})
	fmt.Println([][]string{{"a"}, {}, nil}, map[int][]int{2: {1}, 1: nil})
	fmt.Println(map[string]map[string]int{"b": {"y": 2, "x": 1}, "a": {}})
	var np *Inner
	var ni interface{}
	var ns []int
	var nm map[string]bool
	var nf func()
	var ne error
	fmt.Println(np, ni, ns, nm, nf == nil, ne)
	fmt.Printf("%v %v %v %v %v\n", np, ni, ns, nm, ne)
	fmt.Printf("%+v %d %s\n", ni, ns, nm)
	fmt.Println([]Inner{{1, nil}, {2, []string{"x"}}})
	fmt.Printf("%+v\n", []Inner{{1, nil}})
	fmt.Println(struct {
		A int
		B *int
	}{1, nil})
	fmt.Println([]*Inner{nil}, []error{nil, errors.New("e")})
	type pair struct {
		k string
		v interface{}
	}
	fmt.Printf("%v %+v\n", pair{"x", []int{1}}, pair{"y", map[string]int{"q": 1}})
	fmt.Printf("%v\n", [2][2]int{{1, 2}, {3, 4}})
	fmt.Printf("%d %s\n", map[string]int{"b": 2, "a": 1}, map[string]string{"k": "v"})
	fmt.Printf("%q\n", map[string]string{"k": "v w"})
	fmt.Printf("%x\n", map[string]int{"ab": 255})
	pp := &o.In
	fmt.Printf("%v %+v\n", pp, pp)
	ipp := &[]int{1, 2}
	imp := &map[string]int{"a": 1}
	iap := &[2]string{"x", "y"}
	fmt.Println(ipp, imp, iap)
}
