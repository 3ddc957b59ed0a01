package main

import "fmt"

type Count int

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	total := 0
	for range n {
		total++
	}
	fmt.Println(total)
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -2 {
		fmt.Println("never", i)
	}
	var u8 uint8 = 4
	for i := range u8 {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	var c Count = 2
	for i := range c {
		fmt.Printf("%T:%v ", i, i)
	}
	fmt.Println()
	sq := 0
	for i := range 10 {
		if i%2 == 1 {
			continue
		}
		if i > 6 {
			break
		}
		sq += i * i
	}
	fmt.Println(sq)
	var rows []string
	for r := range 3 {
		line := ""
		for c := range r + 1 {
			line += fmt.Sprint(c)
		}
		rows = append(rows, line)
	}
	fmt.Println(rows)
}
