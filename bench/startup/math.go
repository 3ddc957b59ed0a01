// Start-up probe: GOROOT's math. `go run` prints `1.4142135623730951 0.8414709848078965`.
package main

import "math"

func main() { println(math.Sqrt(2), math.Sin(1)) }
