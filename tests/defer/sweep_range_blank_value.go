// `for i, _ := range p` over a nil *[N]T loads no element, so it does not panic; with a real value
// variable it does; a *[0]T never panics; `for i, _ := range f()` still evaluates f() (gosweep
// fixedbugs/bug454.go). Expected output from Go 1.27.3.
package main

import "fmt"

func arr() [3]int {
	fmt.Println("arr evaluated")
	return [3]int{7, 8, 9}
}

func main() {
	var p *[4]int
	s := 0
	for i, _ := range p {
		s += i
	}
	fmt.Println("sum", s)
	var p0 *[0]int
	for i, v := range p0 {
		fmt.Println(i, v)
	}
	for i, _ := range arr() {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for i := range arr() {
		fmt.Print(i, " ")
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	for i, v := range p {
		fmt.Println(i, v)
	}
}
