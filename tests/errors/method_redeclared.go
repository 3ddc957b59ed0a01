// Current Go (>= 1.20) says "method T.M already declared at FILE:5:10"; Go 1.19 said "T.M
// redeclared in this block" plus an "other declaration" line. The expectation follows current Go.
package main

type T struct{}

func (T) M() {}
func (T) M() {}

func main() {}
