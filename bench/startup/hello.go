// Start-up probe: the smallest program (no imports). `go run` prints `hello` on stderr.
package main

func main() { println("hello") }
