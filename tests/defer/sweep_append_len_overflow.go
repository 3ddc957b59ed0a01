// append past the maximum int length panics "growslice: len out of range" (zero-size elements let
// the length get there): the capacity fast path compared a wrapped negative length as fitting
// (gosweep fixedbugs/issue29190.go, issue7550.go). Expected output from Go 1.27.3.
package main

import "fmt"

type T struct{}

const maxInt = int(^uint(0) >> 1)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "recovered:", recover()) }()
	f()
}

func main() {
	s := make([]T, maxInt)
	fmt.Println(len(s) == maxInt)
	try("one", func() { s = append(s, T{}) })
	one := make([]T, 1)
	try("spread", func() { s = append(s, one...) })
	try("two halves", func() {
		a := make([]struct{}, maxInt/2+1)
		b := make([]struct{}, maxInt/2+1)
		_ = append(a, b...)
	})
	t := s[:maxInt-1]
	t = append(t, T{})
	fmt.Println(len(t) == maxInt)
}
