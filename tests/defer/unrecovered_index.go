package main

import "fmt"

func get(s []int, i int) int {
	defer fmt.Println("deferred in get runs before the crash report")
	return s[i]
}

func main() {
	defer fmt.Println("deferred in main runs too")
	s := []int{1, 2, 3}
	fmt.Println(get(s, 1))
	fmt.Println(get(s, 5))
}
