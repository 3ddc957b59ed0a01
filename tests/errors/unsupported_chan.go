// gojit does not support channels: expected first diagnostic is gojit's own, at the `chan` keyword.
package main

func main() {
	var c chan int
	_ = c
}
