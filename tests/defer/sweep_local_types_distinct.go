// Types declared in different scopes with the same name are different types; a failed assertion
// between them says so as gc does: "(types from different scopes)" (gosweep
// fixedbugs/issue26094.go). Expected output from Go 1.27.3.
package main

import "fmt"

var X interface{}

type T struct{}

func try(f func()) {
	defer func() { fmt.Println("recovered:", recover()) }()
	f()
}

func set1() {
	type T struct{}
	X = T{}
}

func check2() {
	type T struct{}
	_, ok := X.(T)
	fmt.Println("F2's T:", ok)
	_ = X.(T)
}

func main() {
	set1()
	try(check2)
	try(func() { _ = X.(T) })
	X = T{}
	try(check2)
	_, ok := X.(T)
	fmt.Println("package T:", ok)
	for i := 0; i < 2; i++ {
		type L int
		X = L(i)
	}
	try(func() { type L int; _ = X.(L) })
}
