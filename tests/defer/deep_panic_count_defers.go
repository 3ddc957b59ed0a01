package main

import "fmt"

var ran int

func dive(n int) int {
	defer func() { ran++ }()
	if n == 0 {
		panic(fmt.Sprintf("bottom reached after %d frames", ran))
	}
	return dive(n-1) + 1
}

func top() (msg string) {
	defer func() {
		msg = fmt.Sprint(recover(), "; defers run: ", ran)
	}()
	dive(50)
	return "unreachable"
}

func main() {
	fmt.Println(top())
	ran = 0
	fmt.Println(top())
}
