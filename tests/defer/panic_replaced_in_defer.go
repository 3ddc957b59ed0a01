package main

import "fmt"

func f() (out string) {
	defer func() {
		out = fmt.Sprint("final recover: ", recover())
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func main() {
	fmt.Println(f())
}
