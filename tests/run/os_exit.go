package main

import (
	"fmt"
	"os"
)

func check(n int) {
	if n > 2 {
		fmt.Println("fatal: n too big:", n)
		fmt.Fprintln(os.Stderr, "exiting with status 3")
		os.Exit(3)
	}
	fmt.Println("n ok:", n)
}

func main() {
	for i := 0; ; i++ {
		check(i)
	}
}
