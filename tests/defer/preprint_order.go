package main

// gc's preprintpanics: before the crash report, each panic value's Error/String method runs once,
// newest panic first (the prints below show the order), and the report prints their results.

import "fmt"

type T struct{ n int }

func (t T) Error() string {
	println("Error called", t.n)
	return fmt.Sprint("T", t.n, "\nsecond line")
}

type S string

func (s S) String() string {
	println("String called", string(s))
	return "S=" + string(s)
}

func main() {
	defer func() { panic(T{3}) }()
	defer func() { panic(S("two")) }()
	panic(T{1})
}
