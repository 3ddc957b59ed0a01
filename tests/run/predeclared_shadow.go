package main

import "fmt"

type int32alias = int32

func len2(s string) int { return len(s) * 2 }

func main() {
	n := len("abc")
	{
		len := func(s string) int { return 42 }
		fmt.Println(len("abc"), n)
	}
	fmt.Println(len("abcd"), len2("ab"))
	true := false
	fmt.Println(true, !true)
	{
		nil := 5
		fmt.Println(nil + 1)
	}
	var err error
	fmt.Println(err == nil)
	{
		string := "shadowed string"
		fmt.Println(string)
	}
	fmt.Println(string(rune(97)))
	const (
		a = iota
		b
	)
	fmt.Println(a, b)
	{
		iota := 10
		fmt.Println(iota)
	}
	var x int32alias = 7
	fmt.Printf("%T %v\n", x, x)
	type byte = uint8
	var bb byte = 200
	fmt.Printf("%T\n", bb)
	copy := 3
	append := "app"
	fmt.Println(copy, append)
	fmt.Println(max3(1, 5, 3))
}

func max3(a, b, c int) int {
	max := a
	if b > max {
		max = b
	}
	if c > max {
		max = c
	}
	return max
}
