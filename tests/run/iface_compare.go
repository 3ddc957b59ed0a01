package main

import (
	"errors"
	"fmt"
)

type K struct{ a, b int }

type Named string

func main() {
	var a, b interface{}
	fmt.Println(a == b, a == nil)
	a, b = 1, 1
	fmt.Println(a == b)
	b = int64(1)
	fmt.Println(a == b)
	a, b = "x", "x"
	fmt.Println(a == b)
	a, b = K{1, 2}, K{1, 2}
	fmt.Println(a == b)
	b = K{2, 1}
	fmt.Println(a == b)
	a, b = Named("x"), "x"
	fmt.Println(a == b)
	p := &K{}
	a, b = p, p
	fmt.Println(a == b)
	a, b = &K{}, &K{}
	fmt.Println(a == b)
	e1 := errors.New("boom")
	e2 := errors.New("boom")
	fmt.Println(e1 == e2, e1 == e1, e1.Error() == e2.Error())
	var err error
	fmt.Println(err == nil)
	var x interface{} = 3
	fmt.Println(x == 3, x != "3", x == nil)
	vals := []interface{}{1, "1", 1.0, true, nil, K{}}
	for i := range vals {
		for j := range vals {
			if i < j && vals[i] == vals[j] {
				fmt.Println("equal", i, j)
			}
		}
	}
	fmt.Println("done")
}
