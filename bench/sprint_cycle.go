package main

import "fmt"

// 10^7 fmt.Sprint calls, each result dropped after its length is added up: RSS must stay flat
// (every formatted string and boxed argument becomes garbage).
func main() {
	total := 0
	for i := 0; i < 10000000; i++ {
		s := fmt.Sprint("item ", i, " of ", 10000000)
		total += len(s)
	}
	fmt.Println(total)
}
