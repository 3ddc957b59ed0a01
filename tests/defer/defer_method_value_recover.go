// Found by the panic_paths campaign (seed 1): gojit rejects method values
// ("method values not supported by gojit yet"). A method value used as a deferred
// function is transparent to recover (Go's wrapper rule), like `defer t.rec(...)`.
package main

import "fmt"

type T struct{ id int }

func (t T) rec(tag string) { fmt.Println(tag, t.id, recover()) }

func (t *T) recp(tag string) { fmt.Println(tag, t.id, recover()) }

func f(n int) {
	{
		mv := T{1}.rec
		defer mv("s1")
	}
	{
		pv := (&T{2}).recp
		defer pv("s2")
	}
	fmt.Println("s3", n)
	panic(fmt.Sprint("p4:", n))
}

func main() {
	f(7)
	f(8)
	fmt.Println("end")
}
