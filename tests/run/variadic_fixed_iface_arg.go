package main

// A variadic call with its fixed parameter of interface type and no variadic arguments
// (`fmt.Fprintln(&buf)`, `fmt.Fprintln(os.Stdout)`): the one argument still converts to the
// parameter's interface type. gojit took a single argument for a function of two or more
// parameters as a spread multi-value call and passed the bare pointer, one word short of the
// interface (a Cranelift assertion compiling go/ast.(*Scope).String: Go's
// test/fixedbugs/bug206.go). Also a spread multi-value call into a variadic function whose fixed
// parameter is an interface. Expectation: Go 1.27.3.

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type W struct{ n int }

func (w *W) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

//go:noinline
func g(w io.Writer, a ...any) {
	fmt.Fprintf(w, "g:%d;", len(a))
}

func two() (*W, int) { return &W{}, 7 }

func three(w *W) (*W, int, string) { return w, 8, "s" }

func scope(m map[string]int) string {
	var buf strings.Builder
	fmt.Fprintf(&buf, "scope {")
	if len(m) > 0 {
		fmt.Fprintln(&buf)
	}
	fmt.Fprintf(&buf, "}")
	return buf.String()
}

func main() {
	var buf W
	fmt.Fprintln(&buf)
	fmt.Fprint(&buf)
	g(&buf)
	fmt.Println(buf.n)

	var sb strings.Builder
	fmt.Fprintln(&sb)
	g(&sb)
	fmt.Printf("%q\n", sb.String())

	fmt.Fprintln(os.Stdout)
	g(os.Stdout)
	fmt.Println()

	g(two())
	w := &W{}
	g(three(w))
	fmt.Println(w.n)

	fmt.Printf("%q %q\n", scope(nil), scope(map[string]int{"a": 1}))
}
