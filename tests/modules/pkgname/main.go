package main

import (
	"fmt"
	"os"

	"example.com/pkgname/strutil"
)

func main() {
	fmt.Println(strs.Reverse("hello"))
}
