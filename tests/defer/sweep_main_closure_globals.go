// A func literal inside main must not re-run the package initializer: each closure of main.main
// used to call main.init in its prologue, resetting every package variable (gosweep
// fixedbugs/issue1304.go). Expected output from Go 1.27.3.
package main

import "fmt"

var a = 1
var names = []string{"x"}

func main() {
	defer func() {
		r := recover()
		fmt.Println("deferred: a =", a, "names =", names, "recovered:", r)
	}()
	a = 2
	names = append(names, "y")
	show := func() { fmt.Println("closure: a =", a, "len =", len(names)) }
	show()
	bump := func() { a += 10 }
	bump()
	fmt.Println("main: a =", a)
	var zero int
	a = a / zero
	a = 99
}
