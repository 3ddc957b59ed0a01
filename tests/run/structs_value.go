package main

import "fmt"

type Point struct {
	X, Y int
}

type Rect struct {
	Min, Max Point
	Label    string
}

func move(p Point, dx int) Point {
	p.X += dx
	return p
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == q, p == Point{1, 2})
	r := move(p, 5)
	fmt.Println(p, r)
	rc := Rect{Min: Point{0, 0}, Max: Point{X: 3, Y: 4}, Label: "box"}
	rc2 := rc
	rc2.Max.X = 30
	fmt.Println(rc, rc2, rc == rc2)
	fmt.Printf("%v\n%+v\n", rc, rc)
	var z Rect
	fmt.Printf("%+v %v\n", z, z == Rect{})
	anon := struct {
		Name string
		Age  int
	}{"Ann", 33}
	fmt.Println(anon, anon.Name)
	pts := []Point{{1, 1}, {2, 2}}
	for _, pt := range pts {
		pt.X = 100
	}
	fmt.Println(pts)
	for i := range pts {
		pts[i].X = 100
	}
	fmt.Println(pts)
	type Inner struct{ V []int }
	a := Inner{[]int{1, 2}}
	b := a
	b.V[0] = 99
	fmt.Println(a, b)
	arr := [2]Point{}
	arr[1].Y = 7
	fmt.Println(arr)
	type Empty struct{}
	fmt.Println(Empty{}, Empty{} == Empty{})
}
