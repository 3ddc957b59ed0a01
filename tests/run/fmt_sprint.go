package main

import "fmt"

type S struct{ a int }

func main() {
	s := fmt.Sprint("a", "b", 1, 2, "c", 3.5, true, false, nil, S{1})
	fmt.Println(s)
	s = fmt.Sprint(1, 2, 3)
	fmt.Println(s)
	s = fmt.Sprint("x", 1, "y")
	fmt.Println(s)
	s = fmt.Sprint(1, "x", 2)
	fmt.Println(s)
	s = fmt.Sprintln("a", "b", 1, 2)
	fmt.Print(s)
	fmt.Printf("%q\n", fmt.Sprintln())
	fmt.Printf("%q\n", fmt.Sprint())
	fmt.Print("p", "q", 1, 2, true, "\n")
	fmt.Print(1, 2, "\n")
	fmt.Print()
	fmt.Println()
	fmt.Println("mixed", 1, 2.0, 'c', "end")
	n, err := fmt.Println("counted")
	fmt.Println(n, err)
	n, _ = fmt.Printf("%d-%s\n", 5, "five")
	fmt.Println(n)
	str := fmt.Sprintf("%v|%v|%v", []int{1}, map[int]int{1: 1}, S{2})
	fmt.Println(str, len(str))
	e := fmt.Errorf("code %d: %s", 404, "missing")
	fmt.Println(e, e.Error())
	fmt.Print(S{3}, S{4}, "\n")
	fmt.Print(nil, nil, "\n")
	fmt.Print([]int{1}, []int{2}, "\n")
}
