package main

// Write errors reach the program as gc's os package returns them (issue 15): run with standard
// output (or, with an argument, standard error) on /dev/full, read-only, or closed; each write's
// (n, err) is reported on the other stream. tests/cli.rs runs it; expectations are
// write_errors.MODE.out, made by tests/stdio/regen.sh with Go 1.27.3.

import (
	"errors"
	"fmt"
	"os"
)

type writer interface {
	Write(p []byte) (int, error)
}

var rep = os.Stderr

func report(what string, n int, err error) {
	fmt.Fprintf(rep, "%s: n=%d err=%v\n", what, n, err)
	if err != nil {
		u := errors.Unwrap(err)
		fmt.Fprintf(rep, "\t%T %T %v %v\n", err, u, u, errors.Unwrap(u) == nil)
	}
}

// toStderr writes to os.Stderr and reports on os.Stdout.
func toStderr() {
	rep = os.Stdout
	n, err := fmt.Fprintln(os.Stderr, "e", 1)
	report("Fprintln(stderr)", n, err)
	n, err = fmt.Fprintf(os.Stderr, "%v\n", 2.5)
	report("Fprintf(stderr)", n, err)
	n, err = os.Stderr.Write([]byte("raw\n"))
	report("Stderr.Write", n, err)
	n, err = os.Stderr.WriteString("")
	report("Stderr.WriteString(empty)", n, err)
}

func main() {
	if len(os.Args) > 1 {
		toStderr()
		return
	}
	n, err := fmt.Println("x")
	report("Println", n, err)
	n, err = fmt.Printf("%d\n", 42)
	report("Printf", n, err)
	n, err = fmt.Print("a", "b\n")
	report("Print", n, err)
	n, err = fmt.Print()
	report("Print()", n, err)
	n, err = fmt.Fprintln(os.Stdout, "y", 1)
	report("Fprintln", n, err)
	var w writer = os.Stdout
	n, err = fmt.Fprintf(w, "%s\n", "via interface")
	report("Fprintf(iface)", n, err)
	n, err = w.Write([]byte("iface write\n"))
	report("iface Write", n, err)
	n, err = os.Stdout.Write([]byte("hello\n"))
	report("Write", n, err)
	n, err = os.Stdout.Write(nil)
	report("Write(nil)", n, err)
	n, err = os.Stdout.WriteString("ws\n")
	report("WriteString", n, err)
	p := fmt.Println
	n, err = p("value")
	report("Println value", n, err)
	mw := os.Stdout.WriteString
	n, err = mw("method value\n")
	report("WriteString value", n, err)
	var nf *os.File
	n, err = nf.Write([]byte("nil file\n"))
	report("nil Write", n, err)
	n, err = fmt.Fprintln(nf, "nil file")
	report("nil Fprintln", n, err)
}
