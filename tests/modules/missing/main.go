package main

import (
	"fmt"

	"example.com/missing/nothere"
)

func main() { fmt.Println(nothere.X) }
