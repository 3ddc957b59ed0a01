// Interfaces, methods with value and pointer receivers, type switches and Stringers.
package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Triangle struct{ A, B, C float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) String() string     { return fmt.Sprintf("Rect(%gx%g)", r.W, r.H) }

const pi = 3.141592653589793

func (c *Circle) Area() float64      { return pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * pi * c.R }
func (c *Circle) Scale(k float64)    { c.R *= k }

func (t Triangle) Perimeter() float64 { return t.A + t.B + t.C }
func (t Triangle) Area() float64 {
	// Heron's formula with a few Newton steps for the square root.
	s := t.Perimeter() / 2
	x := s * (s - t.A) * (s - t.B) * (s - t.C)
	r := x
	for i := 0; i < 30; i++ {
		r = (r + x/r) / 2
	}
	return r
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		if v.W == v.H {
			return "a square " + v.String()
		}
		return "a rectangle " + v.String()
	case *Circle:
		return fmt.Sprintf("a circle of radius %.1f", v.R)
	default:
		return fmt.Sprintf("some %T", v)
	}
}

func main() {
	c := &Circle{R: 1}
	shapes := []Shape{Rect{3, 4}, Rect{2, 2}, c, Triangle{3, 4, 5}}
	c.Scale(2)
	var total float64
	for i, s := range shapes {
		total += s.Area()
		fmt.Printf("%d. %-28s area=%8.3f perimeter=%7.3f\n", i+1, describe(s), s.Area(), s.Perimeter())
	}
	fmt.Println(strings.Repeat("-", 64))
	fmt.Printf("total area %.3f\n", total)
	largest := shapes[0]
	for _, s := range shapes[1:] {
		if s.Area() > largest.Area() {
			largest = s
		}
	}
	fmt.Printf("largest: %v (%T)\n", largest, largest)
}
