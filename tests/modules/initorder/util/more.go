package util

import "fmt"

func init() {
	fmt.Println("util.init 2")
}
