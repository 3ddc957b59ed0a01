package shapes

import "fmt"

type Shape interface {
	Area() int
}

type Square struct{ Side int }

func (s Square) Area() int { return s.Side * s.Side }

func Describe(s Shape) string { return fmt.Sprintf("shape with area %d", s.Area()) }

func init() { fmt.Println("shapes.init") }
