package main

import "fmt"

type Count int

func main() {
	for i := 0; i < 5; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	total := 0
	for j := 0; j < n; j++ {
		total++
	}
	fmt.Println(total)
	for i := 0; i < 0; i++ {
		fmt.Println("never", i)
	}
	for i := 0; i < -2; i++ {
		fmt.Println("never", i)
	}
	var u8 uint8 = 4
	for i := uint8(0); i < u8; i++ {
		fmt.Printf("%T:%d ", i, i)
	}
	fmt.Println()
	var c Count = 2
	for i := Count(0); i < c; i++ {
		fmt.Printf("%T:%v ", i, i)
	}
	fmt.Println()
	sq := 0
	for i := 0; i < 10; i++ {
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
	for r := 0; r < 3; r++ {
		line := ""
		for c := 0; c < r+1; c++ {
			line += fmt.Sprint(c)
		}
		rows = append(rows, line)
	}
	fmt.Println(rows)
}
