package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure sees", i) }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("argument", i)
	}
	for _, s := range []string{"a", "b"} {
		defer func() { fmt.Println("range var", s) }()
	}
	fmt.Println("returning")
}
