// fmt.Fprint* to an interface-typed writer calls its Write method with the formatted bytes and
// returns what Write returns; the writer's data word was passed to the runtime as a file
// descriptor and the output dropped. os.Stdout in such an interface, its Write method value and
// fmt.Sprintf(f()) with a multi-value f work too. Expected output from Go 1.27.3.
package main

import (
	"errors"
	"fmt"
	"os"
)

type myWriter struct{ got []string }

func (m *myWriter) Write(p []byte) (int, error) {
	m.got = append(m.got, string(p))
	return len(p), nil
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 1, errors.New("disk full") }

type Writer interface {
	Write([]byte) (int, error)
}

func fmter() (string, int, string) { return "%#x %q", 100, "hello" }

func main() {
	mw := &myWriter{}
	var w interface{ Write([]byte) (int, error) } = mw
	n, err := fmt.Fprintln(w, "hello", 42)
	fmt.Println(n, err)
	fmt.Fprintf(w, "%d-%s", 7, "x")
	fmt.Fprint(w, "a", 1, 2, "b")
	fmt.Printf("%q\n", mw.got)
	var fw Writer = failWriter{}
	n, err = fmt.Fprintf(fw, "abc")
	fmt.Println(n, err)
	var so Writer = os.Stdout
	fmt.Fprintln(so, "to stdout via interface")
	so.Write([]byte("direct write\n"))
	wr := os.Stdout.Write
	wr([]byte("method value\n"))

	fmt.Println(fmt.Sprintf(fmter()))
}
