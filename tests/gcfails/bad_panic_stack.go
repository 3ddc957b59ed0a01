package main

import (
	"errors"
	"fmt"
)

type T struct{ id int }

func (t T) rec(tag string) { fmt.Println(tag, t.id, recover()) }
func f0(n int) {
	f4(n + 0 + 1)
}
func f4(n int) {
	defer func() {
		defer func() {
			f5(n + 2)
		}()
		panic(248)
	}()
}
func f5(n int) (res int) {
	mv := T{391}.rec
	defer mv("s391")
	if i0 := 0; true {
		var nf func()
		defer nf()
		if i1 := 0; true {
			if i2 := 0; true {
				if i3 := 0; true {
					fmt.Println("s398", n, i0, i1, i2, i3)
				}
				panic(errors.New("e401"))
			}
		}
	}
	return
}
func main() {
	f0(10)
}
