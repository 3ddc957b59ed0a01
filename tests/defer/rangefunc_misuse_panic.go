package main

import "fmt"

func again(yield func(int) bool) {
	func() {
		defer func() { fmt.Println("iterator recovered:", recover()) }()
		yield(1)
	}()
	yield(2) // after the body's panic, continuing is an error
}

func main() {
	for x := range again {
		fmt.Println(x)
		if x == 1 {
			panic("first")
		}
	}
}
