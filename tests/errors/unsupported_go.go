// gojit does not support goroutines: expected first diagnostic is gojit's own, at the `go` keyword.
package main

func work() {}

func main() {
	go work()
}
