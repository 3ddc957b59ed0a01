// Start-up probe: hello world importing GOROOT's bytes (and, through it, unicode, unicode/utf8,
// errors, io, iter, internal/bytealg). `go run` prints `hello bytes true`.
package main

import "bytes"

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.WriteString("bytes")
	println(b.String(), bytes.Contains([]byte("abc"), []byte("b")))
}
