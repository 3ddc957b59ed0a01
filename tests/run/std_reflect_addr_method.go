// reflect finds the method set of *T through Value.Addr()/PointerTo for a defined type T whose
// pointer type the program never mentions (gc writes *T's descriptor with T's: PtrToThis);
// encoding/json calls such value-receiver MarshalJSON methods through Addr(). Expected output
// from Go 1.27.3's go run.
package main

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type C float64

func (c C) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil }

func (c C) String() string { return fmt.Sprintf("%.2f degrees", float64(c)) }

type R struct {
	T []C `json:"t"`
}

type Plain struct{ N int }

func (p Plain) Hello() string { return "hello" }

func main() {
	s := []C{1.5, 2}
	e := reflect.ValueOf(&s).Elem().Index(1).Addr()
	m, ok := reflect.TypeAssert[json.Marshaler](e)
	fmt.Println(ok, m != nil)
	b, err := m.MarshalJSON()
	fmt.Println(string(b), err)
	st, ok := e.Interface().(fmt.Stringer)
	fmt.Println(ok, st)
	b, err = json.Marshal([]C{4})
	fmt.Println(string(b), err)
	b, err = json.Marshal(R{[]C{5, 6.25}})
	fmt.Println(string(b), err)
	pt := reflect.PointerTo(reflect.TypeOf(Plain{}))
	fmt.Println(pt, pt.NumMethod(), pt.Method(0).Name)
	v := reflect.New(reflect.TypeOf(Plain{}))
	fmt.Println(v.Type(), v.MethodByName("Hello").Call(nil)[0])
}
