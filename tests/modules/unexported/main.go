package main

import (
	"fmt"

	"example.com/unexported/lib"
)

func main() {
	fmt.Println(lib.secret)
	fmt.Println(lib.Nope)
}
