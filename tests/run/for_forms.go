package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 5 {
			break
		}
	}
	fmt.Println(k)
	for i, j := 0, 10; i < j; i, j = i+1, j-2 {
		fmt.Print(i, ":", j, " ")
	}
	fmt.Println()
	var i int
	for ; i < 3; {
		i++
	}
	fmt.Println(i)
	sum := 0
	for x := 10; x > 0; x -= 3 {
		if x == 4 {
			continue
		}
		sum += x
	}
	fmt.Println(sum)
	for i := 0; i < 2; i++ {
		i := i * 10
		fmt.Print(i, " ")
	}
	fmt.Println()
	collatz := 27
	steps := 0
	for collatz != 1 {
		if collatz%2 == 0 {
			collatz /= 2
		} else {
			collatz = 3*collatz + 1
		}
		steps++
	}
	fmt.Println("steps", steps)
	var u uint8
	cnt := 0
	for u = 250; u != 4; u++ {
		cnt++
	}
	fmt.Println(cnt)
	for i := 3; i > 0; i-- {
		defer0 := i
		fmt.Print(defer0)
	}
	fmt.Println()
}
