// The module is at go1.27, but a file's //go:build line can lower its language version (to at
// least go1.21): gc refuses the generic method of old.go (expected output from Go 1.27.3).
package main

func main() {
	println(T{}.Ident[int](3), U{}.Ident[string]("x"))
}
