// Zero-sized package variables live at the same address as every zero-sized allocation (gc's
// runtime.zerobase): a [0]int global had its own address (gosweep zerosize.go). Expected output
// from Go 1.27.3.
package main

import "fmt"

var x, y [0]int
var e struct{}
var p, q = new([0]int), new([0]int)

func main() {
	fmt.Println(p == q, &x == p, &y == p, (*[0]int)(nil) == p)
	ep := &e
	fmt.Println(ep == (*struct{})(nil), len(x), len(*p))
}
