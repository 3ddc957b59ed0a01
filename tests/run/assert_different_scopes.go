// A type assertion between two local types of the same name: gc adds "(types from different
// scopes)" (expectation from Go 1.27.3).
package main

import "fmt"

func a() any {
	type T int
	return T(1)
}

func main() {
	type T int
	defer func() { fmt.Println(recover()) }()
	_ = a().(T)
}
