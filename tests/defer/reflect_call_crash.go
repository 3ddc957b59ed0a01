// An unrecovered panic in a function called through reflect.Value.Call: the traceback shows the
// callee above reflect.Value.call, the trampoline hidden as gc hides runtime.call16 (expected
// output from Go 1.27.3's go run).
package main

import (
	"fmt"
	"reflect"
)

func boom(n int) int {
	defer fmt.Println("deferred in boom")
	panic(fmt.Sprint("boom ", n))
}

func main() {
	defer fmt.Println("deferred in main")
	reflect.ValueOf(boom).Call([]reflect.Value{reflect.ValueOf(2)})
}
