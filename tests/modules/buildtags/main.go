package main

import (
	"fmt"

	"example.com/buildtags/plat"
)

func main() {
	fmt.Println(plat.Names())
}
