package main

import (
	"fmt"
	"os"
)

func cleanup(name string) { fmt.Println("cleanup", name) }

func work() {
	defer cleanup("work")
	fmt.Println("working")
	os.Exit(4)
}

func main() {
	defer cleanup("main")
	work()
}
