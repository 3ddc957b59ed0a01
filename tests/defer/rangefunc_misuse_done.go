package main

import "fmt"

func twice(yield func(int) bool) {
	yield(1)
	yield(2) // the body returned false: gc's state check panics here
}

func main() {
	defer fmt.Println("main defer runs")
	for x := range twice {
		fmt.Println(x)
		break
	}
	fmt.Println("unreachable")
}
