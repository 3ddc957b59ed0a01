// Current Go (>= 1.20) says "as int value in return statement"; Go 1.19 said "as type int in
// return statement". The expectation follows current Go.
package main

func f() int {
	return "str"
}

func main() {
	f()
}
