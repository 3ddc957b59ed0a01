package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stdout, "to stdout", 1)
	fmt.Fprintln(os.Stderr, "to stderr", 2)
	fmt.Fprintf(os.Stdout, "formatted %03d\n", 7)
	fmt.Fprintf(os.Stderr, "warning: %s (%d)\n", "disk low", 95)
	fmt.Fprint(os.Stdout, "no", "newline", 3, "\n")
	fmt.Fprint(os.Stderr, "err", "line", "\n")
	n, err := fmt.Fprintln(os.Stdout, "abc")
	fmt.Println(n, err)
	fmt.Println("end")
}
