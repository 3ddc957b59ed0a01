package main

// GOROOT methods nothing names statically are compiled only when a method of that name can be
// called dynamically (gc's linker rule, lower/reach.rs): through an interface value, a run-time
// assertion to an interface, a method value or expression of an interface, a type parameter, or
// an interface embedded in a struct. Each way below reaches a strings.Reader or strings.Builder
// method only dynamically. Expected output from Go 1.27.3 (`go run`).

import (
	"io"
	"os"
	"strings"
)

type lener interface{ Len() int }

func size[T lener](t T) int { return t.Len() }

type wrapped struct {
	io.RuneScanner
}

func main() {
	var br io.ByteReader = strings.NewReader("abc")
	b, _ := br.ReadByte()
	var x any = strings.NewReader("xyz")
	rs, ok := x.(io.RuneScanner)
	r, _, _ := rs.ReadRune()
	_ = rs.UnreadRune()
	r2, _, _ := rs.ReadRune()
	next := br.ReadByte
	b2, _ := next()
	b3, _ := io.ByteReader.ReadByte(br)
	w := wrapped{strings.NewReader("q")}
	r3, _, _ := w.ReadRune()
	var sb strings.Builder
	var sw io.StringWriter = &sb
	_, _ = sw.WriteString("built")
	var s io.Seeker = strings.NewReader("0123456789")
	off, _ := s.Seek(-3, io.SeekEnd)
	out := string(rune(b)) + string(r) + string(r2) + string(rune(b2)) + string(rune(b3)) + string(r3) + " " + sb.String()
	os.Stdout.WriteString(out + "\n")
	println(ok, size(strings.NewReader("abcd")), off)
}
