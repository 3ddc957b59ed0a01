// recover in functions reached through reflect from a deferred call: a reflect method value, a method expression from Type.Method, a MakeFunc body (gc marks reflect.callReflect/callMethod WRAPPER), and not through Value.Call (expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
)

type T struct{ name string }

func (t *T) M() {
	if v := recover(); v != nil {
		fmt.Println(t.name, "recovered", v)
	} else {
		fmt.Println(t.name, "recovered nothing")
	}
}

func (t T) V() { fmt.Println(t.name, "value method recovered", recover()) }

// a method value made by reflect, deferred: its method may recover (reflect.callMethod is a wrapper)
func viaMethodValue() {
	defer reflect.ValueOf(&T{"method value"}).Method(0).Interface().(func())()
	panic(1)
}

func viaValueMethod() {
	defer reflect.ValueOf(T{"value receiver"}).MethodByName("V").Interface().(func())()
	panic(2)
}

// a method expression made by reflect (Type.Method(i).Func), deferred with its receiver
func viaMethodFunc() {
	defer reflect.TypeOf(&T{}).Method(0).Func.Interface().(func(*T))(&T{"method func"})
	panic(3)
}

// a MakeFunc function, deferred: its body may recover (reflect.callReflect is a wrapper)
func viaMakeFunc() {
	f := reflect.MakeFunc(reflect.TypeOf(func() {}), func([]reflect.Value) []reflect.Value {
		fmt.Println("makefunc recovered", recover())
		return nil
	}).Interface().(func())
	defer f()
	panic(4)
}

// not deferred: recover in a function called through reflect from a deferred closure returns nil
func notDirect() (r any) {
	defer func() {
		reflect.ValueOf(func() { fmt.Println("nested recover:", recover()) }).Call(nil)
		r = recover()
	}()
	panic(5)
}

func main() {
	viaMethodValue()
	viaValueMethod()
	viaMethodFunc()
	viaMakeFunc()
	fmt.Println("notDirect:", notDirect())
	// no panic: recover in a deferred reflect method value returns nil
	func() {
		defer reflect.ValueOf(&T{"no panic"}).Method(0).Interface().(func())()
	}()
}
