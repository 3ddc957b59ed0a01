// Panics leaving functions called through reflect.Value.Call unwind through the call trampoline: recovered above it, inside the callee, across two nested reflect calls, re-panicking, runtime errors, method values; the stack stays balanced over many calls (expected output from Go 1.27.3's go run).
package main

import (
	"errors"
	"fmt"
	"reflect"
)

var trace []string

func note(s string) { trace = append(trace, s) }

// panics after deferring; the panic leaves through the reflect trampoline
func inner(n int) int {
	defer note(fmt.Sprint("inner defer ", n))
	if n > 2 {
		var m map[string]int
		m["x"] = n // nil map write: a runtime error
	}
	panic(fmt.Sprint("inner ", n))
}

// recovers inside the called function: it returns normally through the trampoline
func selfRecover(a, b int, s string) (r int, msg string) {
	defer func() {
		if e := recover(); e != nil {
			r, msg = a*b, fmt.Sprint("self-recovered: ", e)
		}
	}()
	var xs []int
	_ = xs[a] // index out of range
	return 0, s
}

// calls inner through reflect, so two trampolines are on the stack
func outer(n int) (res string) {
	defer func() {
		if e := recover(); e != nil {
			res = fmt.Sprint("outer caught: ", e)
			// re-panic with a new value through the outer trampoline
			if n == 2 {
				panic(errors.New("re-panic from outer"))
			}
		}
	}()
	reflect.ValueOf(inner).Call([]reflect.Value{reflect.ValueOf(n)})
	return "unreachable"
}

type Acc struct{ total int }

func (a *Acc) Add(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative %d", n))
	}
	a.total += n
	return a.total
}

func call(f any, args ...any) (out []any, err any) {
	defer func() { err = recover() }()
	in := []reflect.Value{}
	for _, a := range args {
		in = append(in, reflect.ValueOf(a))
	}
	for _, r := range reflect.ValueOf(f).Call(in) {
		out = append(out, r.Interface())
	}
	return out, nil
}

func main() {
	fmt.Println(call(inner, 1))
	fmt.Println(call(inner, 3))
	fmt.Println(call(selfRecover, 6, 7, "s"))
	fmt.Println(call(outer, 1))
	fmt.Println(call(outer, 2))
	fmt.Println(call(outer, 5))
	acc := &Acc{}
	m := reflect.ValueOf(acc).MethodByName("Add")
	for _, n := range []int{1, 2, -3, 4} {
		func() {
			defer func() {
				if e := recover(); e != nil {
					fmt.Println("method panicked:", e)
				}
			}()
			fmt.Println("total", m.Call([]reflect.Value{reflect.ValueOf(n)})[0].Int())
		}()
	}
	// many calls: the trampoline leaves the stack balanced
	sum := 0
	f := reflect.ValueOf(func(a, b, c, d, e, f, g, h int, x float64) (int, float64) { return a + b + c + d + e + f + g + h, x * 2 })
	for i := 0; i < 1000; i++ {
		r := f.Call([]reflect.Value{reflect.ValueOf(i), reflect.ValueOf(1), reflect.ValueOf(2), reflect.ValueOf(3), reflect.ValueOf(4), reflect.ValueOf(5), reflect.ValueOf(6), reflect.ValueOf(7), reflect.ValueOf(0.5)})
		sum += int(r[0].Int()) + int(r[1].Float())
	}
	fmt.Println("sum", sum)
	for _, t := range trace {
		fmt.Println(t)
	}
}
