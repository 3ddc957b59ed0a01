package main

import "fmt"

func risky(i int) (res string) {
	defer func() {
		if r := recover(); r != nil {
			res = fmt.Sprint("recovered ", r)
		}
	}()
	if i%3 == 0 {
		panic(i)
	}
	return fmt.Sprint("ok ", i)
}

func main() {
	counts := map[string]int{}
	for i := 0; i < 3000; i++ {
		r := risky(i)
		counts[r[:2]]++
		if i < 6 {
			fmt.Println(r)
		}
	}
	fmt.Println(counts)
}
