package main

// Two goroutines write one map at the same time on different Ps (GOMAXPROCS=4): gc's runtime
// detects it (the map's hashWriting flag) and ends the program with
// `fatal error: concurrent map writes`, exit status 2. The writers loop until it is detected.

import "fmt"

func main() {
	m := map[int]int{0: 0, 1: 0}
	for w := 0; w < 2; w++ {
		go func() {
			for i := 0; ; i++ {
				m[w] = i
			}
		}()
	}
	block := make(chan int)
	fmt.Println(<-block)
}
