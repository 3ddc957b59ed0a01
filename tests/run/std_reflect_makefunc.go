// reflect.MakeFunc functions and method values made by reflect, called from generated code through gojit's stub: every argument class, structs and arrays by address, results beyond the result registers, variadics, interface methods, a MakeFunc function called through reflect.Value.Call, panics from the body unwinding through the stub (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type Pt struct{ X, Y int }

type Greeter struct{ name string }

func (g Greeter) Hello(s string, n int) string { return strings.Repeat(s, n) + " " + g.name }
func (g *Greeter) Rename(n string) (old string) { old, g.name = g.name, n; return }

type Shape interface{ Area(scale float64) float64 }
type Sq struct{ s float64 }

func (q Sq) Area(k float64) float64 { return q.s * q.s * k }

func main() {
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	reflect.ValueOf(&intSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(intSwap), swap))
	fmt.Println(intSwap(1, 2))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))
	var fSwap func(float64, float32) (float32, float64)
	fv := reflect.MakeFunc(reflect.TypeOf(fSwap), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(float32(in[1].Float() * 2)), reflect.ValueOf(in[0].Float() + 0.5)}
	})
	fSwap = fv.Interface().(func(float64, float32) (float32, float64))
	fmt.Println(fSwap(1.25, 3.5))
	// structs by address, many args, results beyond the registers
	type F = func(Pt, [3]int, int8, bool, int, int, int, int, int, float64, float64, float64, float64, float64, float64, float64, float64, float64, float64) (Pt, string, string, string, string, string, int)
	var big F
	bv := reflect.MakeFunc(reflect.TypeOf(big), func(in []reflect.Value) []reflect.Value {
		p := in[0].Interface().(Pt)
		a := in[1].Interface().([3]int)
		sum := 0.0
		for _, v := range in[9:] {
			sum += v.Float()
		}
		ints := in[4].Int() + in[5].Int() + in[6].Int() + in[7].Int() + in[8].Int()
		return []reflect.Value{
			reflect.ValueOf(Pt{p.Y + a[2], p.X}),
			reflect.ValueOf(fmt.Sprint(in[2].Int())), reflect.ValueOf(fmt.Sprint(in[3].Bool())),
			reflect.ValueOf(fmt.Sprint(sum)), reflect.ValueOf("d"), reflect.ValueOf("e"), reflect.ValueOf(int(ints)),
		}
	})
	reflect.ValueOf(&big).Elem().Set(bv)
	fmt.Println(big(Pt{1, 2}, [3]int{4, 5, 6}, -7, true, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10.5))
	// a MakeFunc function called through reflect again
	fmt.Println(bv.Call([]reflect.Value{reflect.ValueOf(Pt{3, 4}), reflect.ValueOf([3]int{}), reflect.ValueOf(int8(1)), reflect.ValueOf(false),
		reflect.ValueOf(1), reflect.ValueOf(1), reflect.ValueOf(1), reflect.ValueOf(1), reflect.ValueOf(1),
		reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0), reflect.ValueOf(1.0)})[0].Interface())
	// variadic
	var join func(string, ...string) string
	reflect.ValueOf(&join).Elem().Set(reflect.MakeFunc(reflect.TypeOf(join), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(strings.Join(in[1].Interface().([]string), in[0].String()))}
	}))
	fmt.Println(join("-", "x", "y", "z"))
	// method values made by reflect
	g := &Greeter{"gopher"}
	hello := reflect.ValueOf(g).MethodByName("Hello").Interface().(func(string, int) string)
	fmt.Println(hello("ab", 3))
	rename := reflect.ValueOf(g).MethodByName("Rename").Interface().(func(string) string)
	fmt.Println(rename("go"), g.name)
	var s Shape = Sq{2}
	area := reflect.ValueOf(&s).Elem().Method(0).Interface().(func(float64) float64)
	fmt.Println(area(1.5))
	// a closure over state; panics from the MakeFunc body unwind through the stub
	count := 0
	var inc func() int
	reflect.ValueOf(&inc).Elem().Set(reflect.MakeFunc(reflect.TypeOf(inc), func([]reflect.Value) []reflect.Value {
		count++
		if count == 3 {
			panic("third call")
		}
		return []reflect.Value{reflect.ValueOf(count)}
	}))
	for i := 0; i < 4; i++ {
		func() {
			defer func() {
				if e := recover(); e != nil {
					fmt.Println("recovered:", e)
				}
			}()
			fmt.Println("inc", inc())
		}()
	}
	// a wrong result type is reflect's panic, recovered through the stub
	var bad func() int
	reflect.ValueOf(&bad).Elem().Set(reflect.MakeFunc(reflect.TypeOf(bad), func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf("str")}
	}))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bad()
	}()
	sum := 0
	add := reflect.MakeFunc(reflect.TypeOf(func(int, int) int { return 0 }), func(in []reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(int(in[0].Int() + in[1].Int()))}
	}).Interface().(func(int, int) int)
	for i := 0; i < 1000; i++ {
		sum = add(sum, i)
	}
	fmt.Println("sum", sum)
}
