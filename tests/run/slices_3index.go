package main

import "fmt"

func main() {
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	s := base[2:4:5]
	fmt.Println(s, len(s), cap(s))
	s = append(s, 100)
	fmt.Println(base)
	s = append(s, 200)
	s[0] = -1
	fmt.Println(base, s, len(s), cap(s))
	t := base[:0:0]
	t = append(t, 42)
	fmt.Println(base[0], t)
	arr := [6]string{"a", "b", "c", "d", "e", "f"}
	u := arr[1:3:4]
	fmt.Println(u, len(u), cap(u))
	v := u[:cap(u)]
	fmt.Println(v)
	w := arr[:]
	fmt.Println(len(w), cap(w), len(arr[4:]), cap(arr[4:]))
	x := base[len(base):]
	fmt.Println(x, len(x), cap(x))
	str := "abcdef"
	fmt.Println(str[2:], str[:0] == "", str[6:])
}
