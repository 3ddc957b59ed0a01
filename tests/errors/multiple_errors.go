// Current Go (>= 1.20) says "as string value in return statement"; Go 1.19 said "as type string in
// return statement". The expectation follows current Go.
package main

import "fmt"

func a() int {
	return undefinedA
}

func b() string {
	var n int = 1
	return n
}

func main() {
	fmt.Println(a(), b(), undefinedC)
}
