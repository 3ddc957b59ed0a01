// A float literal whose binary exponent exceeds gc's constant range is malformed (expectation
// from Go 1.27.3).
package main

import "fmt"

func main() {
	const c = 1e-1000000000000
	fmt.Println(c, 0x1p-99999999999, 1e99999999999999999999, 1e-300, 0x1p-2147483000)
}
