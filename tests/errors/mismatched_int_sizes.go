package main

import "fmt"

func main() {
	var a int32 = 1
	var b int64 = 2
	fmt.Println(a == b)
}
