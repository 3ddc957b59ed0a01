package main

import "fmt"

type Counter struct{ n int }

func (c Counter) Show(label string)     { fmt.Println(label, c.n) }
func (c *Counter) ShowPtr(label string) { fmt.Println(label, c.n) }

func trace(s string) string {
	fmt.Println("enter", s)
	return s
}

func un(s string) { fmt.Println("leave", s) }

func nested() {
	defer un(trace("nested"))
	fmt.Println("in nested")
}

func main() {
	x := 1
	defer fmt.Println("deferred x =", x)
	x = 2
	c := Counter{10}
	defer c.Show("value receiver copied at defer:")
	defer c.ShowPtr("pointer receiver sees later change:")
	c.n = 20
	f := func(v int) { fmt.Println("func value arg", v) }
	defer f(x * 100)
	f = func(v int) { fmt.Println("replaced func", v) }
	nested()
	fmt.Println("main body done, x =", x)
}
