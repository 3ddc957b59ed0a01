package main

import "fmt"

func main() {
	s := "aé世😀"
	for i, r := range s {
		fmt.Printf("%d:%c(%d,%U) ", i, r, r, r)
	}
	fmt.Println()
	for i := range s {
		fmt.Print(i, " ")
	}
	fmt.Println()
	count := 0
	for range s {
		count++
	}
	fmt.Println("runes:", count, "bytes:", len(s))
	bad := "a\xffb\xc3"
	for i, r := range bad {
		fmt.Println(i, r, r == '\uFFFD')
	}
	var total rune
	for _, r := range "Go语言" {
		total += r
	}
	fmt.Println(total)
	upper := ""
	for _, r := range "hello wörld" {
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		upper += string(r)
	}
	fmt.Println(upper)
}
