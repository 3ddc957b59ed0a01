package main

// The ok value of a comma-ok expression is an untyped boolean: it is assignable to a defined
// boolean type (types2; gojit rejected it).

type Bool bool

func main() {
	var b Bool
	m := map[int]int{1: 1}
	_, b = m[1]
	println(b)
	var e interface{} = 3
	_, b = e.(int)
	println(b)
	_, b = e.(string)
	println(b)
	c := make(chan int, 1)
	c <- 1
	_, b = <-c
	println(b)
	var v int
	v, b = m[2]
	println(v, b)
}
