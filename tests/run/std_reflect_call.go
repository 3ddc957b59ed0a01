// reflect.Value.Call, CallSlice and Method(i).Call through gojit's call trampoline: ints of every width, floats beyond the registers, results beyond the result registers, structs and arrays by address, variadics, closures, method values and interface methods (expected output from Go 1.27.3's go run).
package main

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

type Pt struct{ X, Y int }
type Big struct {
	A    [4]int64
	Name string
	F    float32
}

type T struct{ n int }

func (t T) Get() int              { return t.n }
func (t *T) Add(d int) int        { t.n += d; return t.n }
func (t T) Scale(p Pt, f float64) (Pt, float64) { return Pt{p.X * t.n, p.Y * t.n}, f * float64(t.n) }

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func add(a, b int) int                   { return a + b }
func mix(a int8, b float32, c uint16, d float64, e bool, s string) string {
	return fmt.Sprint(a, b, c, d, e, s)
}
func many(a, b, c, d, e, f, g, h, i, j int, x, y, z, w, u, v, k, l, m float64) (int, float64) {
	return a + b + c + d + e + f + g + h + i + j, x + y + z + w + u + v + k + l + m
}
func lots() (string, string, string, string, string, int) { return "a", "b", "c", "d", "e", 6 }
func floats() (float64, float64, float64, float64, float64, float64, float64, float64, float64, float32) {
	return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
}
func big(b Big, p *Pt) Big { b.A[1] += int64(p.X); b.Name += "!"; b.F *= 2; return b }
func variadic(pre string, xs ...int) string { return fmt.Sprint(pre, xs) }
func fails(s string) (int, error) { return 0, errors.New("bad " + s) }
func empty(struct{}, int) struct{} { return struct{}{} }
func cplx(c complex128, d complex64) (complex128, complex64) { return c * 2, d + 1 }
func boom(n int) int { panic(fmt.Sprint("boom ", n)) }

func vals(xs ...any) []reflect.Value {
	out := []reflect.Value{}
	for _, x := range xs {
		out = append(out, reflect.ValueOf(x))
	}
	return out
}

func show(rs []reflect.Value) {
	parts := []string{}
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%v", r.Interface()))
	}
	fmt.Println(strings.Join(parts, " | "))
}

func tryBoom() (msg string) {
	defer func() { msg = fmt.Sprint("recovered: ", recover()) }()
	reflect.ValueOf(boom).Call(vals(7))
	return "not reached"
}

func main() {
	show(reflect.ValueOf(add).Call(vals(2, 3)))
	show(reflect.ValueOf(mix).Call(vals(int8(-3), float32(1.5), uint16(65535), 2.25, true, "s")))
	show(reflect.ValueOf(many).Call(vals(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5)))
	show(reflect.ValueOf(lots).Call(nil))
	show(reflect.ValueOf(floats).Call(nil))
	show(reflect.ValueOf(big).Call(vals(Big{[4]int64{1, 2, 3, 4}, "big", 1.25}, &Pt{10, 20})))
	show(reflect.ValueOf(variadic).Call(vals("v", 1, 2, 3)))
	show(reflect.ValueOf(variadic).CallSlice(vals("s", []int{4, 5})))
	show(reflect.ValueOf(fails).Call(vals("x")))
	show(reflect.ValueOf(empty).Call(vals(struct{}{}, 1)))
	show(reflect.ValueOf(cplx).Call(vals(complex(1, 2), complex64(complex(3, 4)))))
	clo := 5
	show(reflect.ValueOf(func(a int) int { return a * clo }).Call(vals(6)))

	t := T{3}
	v := reflect.ValueOf(t)
	show(v.MethodByName("Get").Call(nil))
	show(v.MethodByName("Scale").Call(vals(Pt{1, 2}, 0.5)))
	pv := reflect.ValueOf(&t)
	show(pv.MethodByName("Add").Call(vals(4)))
	fmt.Println(t.n)
	for i := 0; i < pv.NumMethod(); i++ {
		fmt.Println(pv.Type().Method(i).Name)
	}
	show(reflect.ValueOf(T.Get).Call(vals(T{9})))
	show(reflect.ValueOf((*T).Add).Call(vals(&t, 1)))
	var s Shape = Sq{3}
	iv := reflect.ValueOf(&s).Elem()
	show(iv.Method(0).Call(nil))
	show(reflect.ValueOf(s).Method(0).Call(nil))
	show(reflect.ValueOf(strings.ToUpper).Call(vals("upper")))
	show(reflect.ValueOf(fmt.Sprintf).Call(vals("%d-%s", 1, "x")))
	fmt.Println(tryBoom())
	func() {
		defer func() { fmt.Println("recovered nil call:", recover()) }()
		var f func()
		reflect.ValueOf(f).Call(nil)
	}()
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		reflect.ValueOf(add).Call(vals(1))
	}()
}
