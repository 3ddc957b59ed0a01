package main

import "fmt"

type P struct{ X int }

func main() {
	p := P{1}
	fmt.Println(p.Y)
}
