// //go:embed where gc's checkEmbed refuses it, in a file that imports "embed": several names,
// an initializer, inside a function; and //go:embed on a non-var declaration or dropped.
// Expected diagnostics from Go 1.27.3 (go build -gcflags=-e).
package main

import _ "embed"

//go:embed directive_embed.go
var a, b string

//go:embed directive_embed.go
var c = "x"

//go:embed directive_embed.go
func f() {}

func main() {
	//go:embed directive_embed.go
	var s string
	_ = s
	f()
	println(a, b, c)
}
