package main

import (
	"fmt"

	"example.com/m1/shapes"
	"example.com/m1/util"
)

var total = util.Double(util.Base) + 1

func init() {
	fmt.Println("main.init", total)
}

type counter struct{ n int }

func (c *counter) bump() { c.n += 100 }

func main() {
	fmt.Println("main", util.Double(21), util.Name())
	var s shapes.Shape = shapes.Square{Side: 3}
	fmt.Println(s.Area(), shapes.Describe(s))
	c := &counter{}
	c.bump()
	u := util.NewCounter()
	u.Bump()
	fmt.Println(c.n, u.Value())
	fmt.Printf("%T %v\n", s, s)
}
