package main

import "fmt"

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Square struct{ S float64 }

func (r Rect) Area() float64         { return r.W * r.H }
func (r Rect) Perimeter() float64    { return 2 * (r.W + r.H) }
func (c Circle) Area() float64       { return 3 * c.R * c.R }
func (c Circle) Perimeter() float64  { return 6 * c.R }
func (s *Square) Area() float64      { return s.S * s.S }
func (s *Square) Perimeter() float64 { return 4 * s.S }

func total(shapes []Shape) (a, p float64) {
	for _, s := range shapes {
		a += s.Area()
		p += s.Perimeter()
	}
	return
}

type Animal interface{ Sound() string }
type Dog struct{ name string }
type Cat struct{ name string }

func (d Dog) Sound() string { return d.name + " says woof" }
func (c Cat) Sound() string { return c.name + " says meow" }

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{2}, &Square{5}}
	for _, s := range shapes {
		fmt.Printf("%T %v %.1f %.1f\n", s, s, s.Area(), s.Perimeter())
	}
	a, p := total(shapes)
	fmt.Println(a, p)
	var s Shape
	fmt.Println(s == nil)
	s = Rect{1, 1}
	fmt.Println(s != nil, s.Area())
	animals := map[string]Animal{"d": Dog{"rex"}, "c": Cat{"tom"}}
	fmt.Println(animals["d"].Sound())
	fmt.Println(animals["c"].Sound())
	var any1 any = 42
	var empty interface{} = "str"
	fmt.Println(any1, empty)
	any1 = empty
	fmt.Println(any1)
	vals := []any{1, "a", 2.5, true, nil, Dog{"d"}, []int{1}}
	for _, v := range vals {
		fmt.Printf("%v(%T) ", v, v)
	}
	fmt.Println()
}
