// reflect from GOROOT: maps (MapKeys, MapIndex, MapRange, SetMapIndex, MakeMap) and DeepEqual
// (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
)

type T struct {
	A int
	B []string
	M map[string]int
	P *T
}

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	mv := reflect.ValueOf(m)
	fmt.Println(mv.Len(), mv.Type(), mv.Type().Key(), mv.Type().Elem())
	keys := mv.MapKeys()
	var ks []string
	for _, k := range keys {
		ks = append(ks, k.String())
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	fmt.Println(ks)
	fmt.Println(mv.MapIndex(reflect.ValueOf("b")).Int(), mv.MapIndex(reflect.ValueOf("zz")).IsValid())
	sum := 0
	n := 0
	it := mv.MapRange()
	for it.Next() {
		sum += int(it.Value().Int())
		n += len(it.Key().String())
	}
	fmt.Println(sum, n)
	mv.SetMapIndex(reflect.ValueOf("d"), reflect.ValueOf(4))
	mv.SetMapIndex(reflect.ValueOf("a"), reflect.Value{})
	fmt.Println(len(m), m["d"], m["a"])

	im := map[int][]int{1: {1}, 2: {2, 2}}
	imv := reflect.ValueOf(im)
	tot := 0
	for _, k := range imv.MapKeys() {
		tot += int(k.Int()) * imv.MapIndex(k).Len()
	}
	fmt.Println(tot)
	nm := reflect.MakeMap(reflect.TypeOf(map[int]string{}))
	nm.SetMapIndex(reflect.ValueOf(7), reflect.ValueOf("seven"))
	fmt.Println(nm.Interface(), nm.Len())
	var nilm map[string]int
	fmt.Println(reflect.ValueOf(nilm).Len(), len(reflect.ValueOf(nilm).MapKeys()), reflect.ValueOf(nilm).IsNil())
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	s := 0
	for r := reflect.ValueOf(big).MapRange(); r.Next(); {
		s += int(r.Key().Int()) + int(r.Value().Int())
	}
	fmt.Println(s, len(reflect.ValueOf(big).MapKeys()))

	// DeepEqual
	a := T{1, []string{"x"}, map[string]int{"k": 1}, &T{A: 2}}
	b := T{1, []string{"x"}, map[string]int{"k": 1}, &T{A: 2}}
	fmt.Println(reflect.DeepEqual(a, b), a.P == b.P)
	b.P.A = 3
	fmt.Println(reflect.DeepEqual(a, b))
	b.P.A = 2
	b.M["k"] = 2
	fmt.Println(reflect.DeepEqual(a, b))
	fmt.Println(reflect.DeepEqual([]int{}, []int(nil)), reflect.DeepEqual([]int(nil), []int(nil)), reflect.DeepEqual(map[int]int{}, map[int]int(nil)))
	fmt.Println(reflect.DeepEqual(1, 1.0), reflect.DeepEqual(any(1), 1), reflect.DeepEqual([]any{1, "a"}, []any{1, "a"}))
	cyc := &T{A: 1}
	cyc.P = cyc
	cyc2 := &T{A: 1}
	cyc2.P = cyc2
	fmt.Println(reflect.DeepEqual(cyc, cyc2))
	var e1, e2 error
	fmt.Println(reflect.DeepEqual(e1, e2), reflect.DeepEqual(fmt.Errorf("x"), fmt.Errorf("x")))
}
