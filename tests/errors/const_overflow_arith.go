package main

import "fmt"

const big = 1 << 64

func main() {
	var u uint64 = big - 1
	fmt.Println(u, big)
}
