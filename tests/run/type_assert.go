package main

import "fmt"

type Speaker interface{ Speak() string }
type Duck struct{}

func (Duck) Speak() string { return "quack" }

type Robot struct{ id int }

func (r *Robot) Speak() string { return fmt.Sprint("beep ", r.id) }

func main() {
	var i interface{} = "hello"
	s := i.(string)
	fmt.Println(s)
	s2, ok := i.(string)
	fmt.Println(s2, ok)
	n, ok := i.(int)
	fmt.Println(n, ok)
	f, ok := i.(float64)
	fmt.Println(f, ok)
	var sp Speaker = Duck{}
	d, ok := sp.(Duck)
	fmt.Println(d, ok)
	_, ok = sp.(*Robot)
	fmt.Println(ok)
	sp = &Robot{7}
	r, ok := sp.(*Robot)
	fmt.Println(r.id, ok, r.Speak())
	var anything interface{} = sp
	if sp2, ok := anything.(Speaker); ok {
		fmt.Println("speaker:", sp2.Speak())
	}
	var nothing interface{}
	_, ok = nothing.(Speaker)
	fmt.Println(ok)
	v, ok := nothing.(int)
	fmt.Println(v, ok)
	type MyInt int
	var mi interface{} = MyInt(3)
	_, isInt := mi.(int)
	m, isMy := mi.(MyInt)
	fmt.Println(isInt, isMy, m)
	nums := []interface{}{1, 2.5, "3", 4}
	total := 0
	for _, x := range nums {
		if k, ok := x.(int); ok {
			total += k
		}
	}
	fmt.Println(total)
}
