// `defer recover()` forwards recoverability as gc's wrapper does: run at the exit of a deferred function
// the panic called, it recovers (recover1.go test5/test6); run by the panic itself, or by a
// nested panic, it is a no-op (test7). Expected output: Go 1.27.3.
package main

import "fmt"

func f5() {
	defer func() { fmt.Println("outer recovered:", recover()) }()
	defer func() {
		defer recover()
	}()
	panic(5)
}

func f7() (r any) {
	defer func() { r = recover() }()
	defer func() {
		defer func() { fmt.Println("3 recovered:", recover()) }()
		defer recover()
		panic(3)
	}()
	panic(2)
}

func direct() {
	defer func() { fmt.Println("direct: still panicking:", recover()) }()
	defer recover()
	panic("d")
}

func main() {
	f5()
	fmt.Println("f7:", f7())
	direct()
}
