// A blank struct field stays zero in a composite literal, at run time and in a static package
// variable; its value is still evaluated (Go issue 31546; expected output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

var x = struct{ a, _, c int }{1, 2, 3}

func side() int {
	fmt.Println("evaluated")
	return 5
}

func main() {
	fmt.Println(reflect.ValueOf(x).Field(1).Int(), reflect.ValueOf(x).Field(2).Int())
	y := struct{ a, _, c int }{1, side(), 3}
	p := (*[3]int)(unsafe.Pointer(&y))
	fmt.Println(p[0], p[1], p[2])
	z := &struct {
		_ string
		b byte
	}{"blank", 'b'}
	fmt.Println(reflect.ValueOf(z).Elem().Field(0).String() == "", z.b)
}
