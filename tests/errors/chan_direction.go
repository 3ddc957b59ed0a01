// Channel direction errors: sending on a receive-only channel, receiving from a send-only one,
// closing a receive-only channel, and using a non-channel.
package main

func main() {
	var r <-chan int
	var s chan<- int
	r <- 1
	_ = <-s
	close(r)
	x := 3
	x <- 1
	_ = <-x
	close(x)
	var b chan int = s
	_ = b
}
