package util

import (
	"fmt"

	"example.com/m1/internal/secret"
)

var Base = secret.Key * 2

func init() {
	fmt.Println("util.init 1", Base)
}

func Double(x int) int { return 2 * x }

func Name() string { return "util:" + secret.Word() }

type Counter struct{ n int }

func NewCounter() *Counter { return &Counter{} }

func (c *Counter) bump() { c.n++ }

func (c *Counter) Bump() { c.bump() }

func (c *Counter) Value() int { return c.n }
