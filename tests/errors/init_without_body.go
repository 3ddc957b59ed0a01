// `func init()` must have a body, even where other bodyless functions are allowed.
// Expectation: Go 1.27.3 `go run`.
package main

func init()

func main() {}
