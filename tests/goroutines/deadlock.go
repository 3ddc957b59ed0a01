// When every goroutine is blocked: gc's deadlock report with each goroutine's wait reason.
package main

import "fmt"

func main() {
	c := make(chan int)
	fmt.Println("before")
	<-c
}
