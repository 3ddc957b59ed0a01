// GOROOT's os closure (os, strings, time: syscall, internal/poll, io/fs, reflectlite, ...), the
// stand-in for fmt's closure until GOROOT's fmt replaces the model. `go run` prints "HI 1.5s".
package main

import (
	"os"
	"strings"
	"time"
)

func main() {
	d := 1500 * time.Millisecond
	os.Stdout.WriteString(strings.ToUpper("hi ") + d.String() + "\n")
}
