// Selecting or keying an unexported field or method of another package: types2's messages
// (expectation from Go 1.27.3).
package main

import "example.com/unexported_access/p"

func main() {
	var s p.S
	_ = s.x
	_ = s.get
	_ = p.S{x: 1}
	_ = p.S{1, 2}
	_ = p.S{Y: 2}
}
