// Precisions beyond Rust's formatting limit: gc returns the long string (expectation from Go
// 1.27.3).
package main

import "fmt"

func main() {
	s := fmt.Sprintf("%.65536f", 1.0)
	fmt.Println(len(s), s[:5], s[len(s)-3:])
	e := fmt.Sprintf("%.70000e", 1.5)
	fmt.Println(len(e), e[:5], e[len(e)-5:])
	g := fmt.Sprintf("%.70000g", 0.1)
	fmt.Println(len(g), g[:5], g[len(g)-5:])
}
