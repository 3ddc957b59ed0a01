package main

import (
	"fmt"

	"example.com/ib/b"
)

func main() { fmt.Println(b.V) }
