// reflect from GOROOT: types, values, fields, elements, interfaces (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
)

type Point struct {
	X, Y int
	Name string `json:"name,omitempty" xml:"n"`
	tags []string
}

type Celsius float64

func (c Celsius) String() string { return fmt.Sprint(float64(c), "C") }

type Shape interface{ Area() float64 }

type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }
func (s *Sq) Grow(d float64) { s.S += d }

func main() {
	p := Point{1, 2, "a", []string{"t"}}
	t := reflect.TypeOf(p)
	fmt.Println(t, t.Name(), t.Kind(), t.NumField(), t.PkgPath(), t.Size(), t.Align())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Println(i, f.Name, f.Type, f.Tag, f.Tag.Get("json"), f.Tag.Get("xml"), f.Offset, f.IsExported(), f.Index)
	}
	v := reflect.ValueOf(p)
	fmt.Println(v.Kind(), v.NumField(), v.Field(0).Int(), v.Field(2).String(), v.Field(3).Len(), v.Field(3).Index(0))
	fmt.Println(v.Field(3).CanInterface(), v.Field(0).CanSet(), v.Field(0).Interface())

	pv := reflect.ValueOf(&p)
	fmt.Println(pv.Kind(), pv.Type(), pv.Elem().Kind(), pv.Type().Elem() == t)
	e := pv.Elem()
	e.Field(0).SetInt(42)
	e.Field(2).SetString("set")
	e.FieldByName("Y").Set(reflect.ValueOf(7))
	fmt.Println(p.X, p.Y, p.Name, e.Field(1).CanSet(), e.Field(3).CanSet())
	sf, ok := t.FieldByName("Name")
	fmt.Println(sf.Name, sf.Index, ok)
	_, ok = t.FieldByName("Nope")
	fmt.Println(ok)

	// basic kinds
	for _, x := range []any{true, 1, int8(-2), uint16(3), 4.5, float32(1.5), "s", 'r', byte(9), complex(1, 2), []int{1}, [2]int{}, map[string]int{}, make(chan int), func() {}, &p, nil, Celsius(3), uintptr(1)} {
		if x == nil {
			fmt.Println("nil", reflect.TypeOf(x) == nil, reflect.ValueOf(x).IsValid())
			continue
		}
		tt := reflect.TypeOf(x)
		fmt.Println(tt.String(), tt.Kind(), tt.Comparable(), reflect.ValueOf(x).Kind())
	}

	// slices and arrays
	s := []int{10, 20, 30}
	sv := reflect.ValueOf(s)
	fmt.Println(sv.Len(), sv.Cap(), sv.Index(1).Int(), sv.Slice(1, 3).Len(), sv.Type().Elem())
	sv.Index(2).SetInt(99)
	fmt.Println(s)
	a := [3]string{"x", "y", "z"}
	av := reflect.ValueOf(&a).Elem()
	av.Index(0).SetString("X")
	fmt.Println(a, av.Len(), av.Type().Len(), av.Type())
	sv2 := reflect.Append(sv, reflect.ValueOf(40), reflect.ValueOf(50))
	fmt.Println(sv2.Len(), sv2.Interface())
	ms := reflect.MakeSlice(reflect.TypeOf([]string{}), 2, 5)
	ms.Index(1).SetString("b")
	fmt.Println(ms.Len(), ms.Cap(), ms.Interface())

	// interfaces and methods
	var sh Shape = Sq{3}
	shv := reflect.ValueOf(sh)
	fmt.Println(shv.Type(), shv.Kind(), shv.NumMethod(), shv.Type().Method(0).Name)
	st := reflect.TypeOf((*Shape)(nil)).Elem()
	fmt.Println(st, st.Kind(), st.NumMethod(), reflect.TypeOf(Sq{}).Implements(st), reflect.TypeOf(p).Implements(st))
	fmt.Println(reflect.TypeOf(&Sq{}).NumMethod(), reflect.TypeOf(Sq{}).NumMethod())
	m, ok := reflect.TypeOf(&Sq{}).MethodByName("Grow")
	fmt.Println(m.Name, m.Type, ok)
	c := reflect.ValueOf(Celsius(21.5))
	fmt.Println(c.Float(), c.Type(), c.Type().Name(), c.Interface().(fmt.Stringer).String())

	// New, Zero, Indirect, conversions
	np := reflect.New(reflect.TypeOf(0))
	np.Elem().SetInt(5)
	fmt.Println(*(np.Interface().(*int)), np.Type())
	z := reflect.Zero(t)
	fmt.Println(z.Field(0).Int(), z.IsZero(), reflect.ValueOf(p).IsZero())
	fmt.Println(reflect.Indirect(pv).Field(0).Int())
	cv := reflect.ValueOf(65).Convert(reflect.TypeOf(float64(0)))
	fmt.Println(cv.Float(), cv.Type(), reflect.TypeOf(0).ConvertibleTo(reflect.TypeOf("")), reflect.TypeOf(0).AssignableTo(reflect.TypeOf(int64(0))))
	var ip *int
	fmt.Println(reflect.ValueOf(ip).IsNil(), reflect.ValueOf(ip).Elem().IsValid())

	// pointers to new types reflect builds
	fmt.Println(reflect.PointerTo(reflect.TypeOf(Celsius(0))), reflect.SliceOf(reflect.TypeOf(p)), reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)))
	fmt.Println(reflect.TypeOf(struct{ A int }{}), reflect.TypeOf([]*map[string][2]bool{}))
}
