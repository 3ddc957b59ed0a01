package main

import "fmt"

func swallow(yield func(int) bool) {
	defer func() { fmt.Println("iterator recovered:", recover()) }()
	yield(1)
}

func main() {
	for x := range swallow {
		fmt.Println(x)
		panic("body panic")
	}
	fmt.Println("unreachable")
}
