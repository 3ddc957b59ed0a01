package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("args:", len(os.Args))
	if len(os.Args) > 1 {
		fmt.Println("unexpected extra arguments")
	}
	fmt.Println(len(os.Args[0]) > 0)
	os.Exit(0)
}
