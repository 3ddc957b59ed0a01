package main

import "fmt"

type Loud struct{ n int }

func (l Loud) String() string {
	if l.n > 0 {
		panic(Loud{l.n - 1})
	}
	return "quiet"
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println("start")
	fmt.Println(Loud{2})
	fmt.Println("not reached?")
}
