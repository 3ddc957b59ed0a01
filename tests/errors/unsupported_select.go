// gojit does not support select: expected first diagnostic is gojit's own, at the `select` keyword.
package main

func main() {
	select {}
}
