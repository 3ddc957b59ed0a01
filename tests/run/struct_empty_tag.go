// An empty struct tag is no tag (go/types, reflect): struct{x int ""} and struct{x int} are
// identical, assignable and print alike. Expected output from Go 1.27.3 (go run).
package main

import (
	"fmt"
	"reflect"
)

func main() {
	a := &struct{ x int }{}
	b := &struct {
		x int ""
	}{x: 3}
	a = b
	fmt.Println(a.x, reflect.TypeOf(a) == reflect.TypeOf(b), reflect.TypeOf(b).AssignableTo(reflect.TypeOf(a)))
	fmt.Printf("%T %q\n", b, reflect.TypeOf(b).Elem().Field(0).Tag)
	var i any = struct {
		y string ``
	}{"s"}
	_, ok := i.(struct{ y string })
	fmt.Println(ok)
}
