// Go 1.26's new(expr): a pointer to a new variable initialised to expr's value (untyped
// constants take their default type), alongside new(T); each call is a distinct variable.
// Expected output from Go 1.27.3's go run.
package main

import "fmt"

type Point struct{ X, Y int }

type URL struct {
	Host string
	User *string
}

func clone(u *URL) *URL {
	c := new(*u)
	if u.User != nil {
		c.User = new(*u.User)
	}
	return c
}

func f() int { return 41 }

func main() {
	p := new(42)
	q := new(2.5)
	s := new("hi")
	r := new('x')
	b := new(f() + 1)
	pt := new(Point{1, 2})
	sl := new([]int{1, 2, 3})
	var i8 int8 = 7
	pi8 := new(i8)
	fmt.Printf("%T %v %T %v %T %q %T %v %v\n", p, *p, q, *q, s, *s, r, *r, *b)
	fmt.Printf("%T %+v %T %v %T %v\n", pt, *pt, sl, *sl, pi8, *pi8)
	*p = 1
	p2 := new(42)
	fmt.Println(*p, *p2, p != p2)
	user := "ann"
	u := &URL{Host: "h", User: &user}
	c := clone(u)
	*c.User = "bob"
	c.Host = "g"
	fmt.Println(u.Host, *u.User, c.Host, *c.User)
	z := new(int)
	fmt.Println(*z)
	var e error = fmt.Errorf("e")
	pe := new(e)
	fmt.Printf("%T %v\n", pe, *pe)
}
