package main

import "fmt"

func unnamed() int {
	x := 1
	defer func() { x = 100 }()
	return x
}

func named() (x int) {
	x = 1
	defer func() { x *= 100 }()
	return x + 1
}

func pointer() *int {
	x := 1
	defer func() { x = 100 }()
	return &x
}

func main() {
	fmt.Println(unnamed(), named(), *pointer())
}
