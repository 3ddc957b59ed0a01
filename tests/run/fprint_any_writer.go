// fmt.Fprint* to any io.Writer: *strings.Builder, *bufio.Writer over *os.File, a user type with a
// Write method, os.Stdout and os.Stderr (GOROOT's *os.File). Expected output: Go 1.27.3.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

type counter struct{ n, calls int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.calls++
	return len(p), nil
}

func main() {
	var sb strings.Builder
	fmt.Fprintf(&sb, "[%d]", 1)
	fmt.Fprint(&sb, "x", 2)
	fmt.Fprintln(&sb, "y")
	fmt.Print(sb.String())
	w := bufio.NewWriter(os.Stdout)
	n, err := fmt.Fprintf(w, "buffered %s %v\n", "text", 3.5)
	fmt.Println("before flush", n, err, w.Buffered())
	w.Flush()
	c := &counter{}
	fmt.Fprintln(c, "abc", 12)
	fmt.Fprintf(c, "%05d", 7)
	fmt.Println(c.n, c.calls)
	n, err = fmt.Fprintln(os.Stdout, "direct", true)
	fmt.Println(n, err)
	fmt.Fprintln(os.Stderr, "to stderr")
}
