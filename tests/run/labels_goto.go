package main

import "fmt"

func main() {
outer:
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			if j == 2 {
				continue outer
			}
			if i == 3 {
				break outer
			}
			fmt.Print(i, j, " ")
		}
	}
	fmt.Println()
	grid := [][]int{{1, 2, 3}, {4, 42, 6}, {7, 8, 9}}
	found := false
search:
	for r, row := range grid {
		for c, v := range row {
			if v == 42 {
				fmt.Println("found at", r, c)
				found = true
				break search
			}
		}
	}
	fmt.Println(found)
loop:
	for i := 0; ; i++ {
		switch {
		case i%2 == 0:
			continue loop
		case i > 7:
			break loop
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	i := 0
again:
	if i < 5 {
		fmt.Print("g", i, " ")
		i++
		goto again
	}
	fmt.Println()
	n := 0
	goto skip
skip:
	n++
	fmt.Println("n =", n)
	count := 0
L1:
	for {
	L2:
		for {
			count++
			if count%3 == 0 {
				break L2
			}
			if count > 10 {
				break L1
			}
		}
	}
	fmt.Println("count", count)
	m := map[string]int{"a": 1, "b": 2}
	total := 0
mloop:
	for k := range m {
		switch k {
		case "a", "b":
			total += m[k]
			continue mloop
		}
		total = -100
	}
	fmt.Println(total)
}
