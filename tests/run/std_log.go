// package log over GOROOT's fmt (log formats with fmt.Append/Appendf/Appendln): prefixes,
// flags, a logger on stdout, log.Panicf recovered. Expected output: Go 1.27.3 (go run).
package main

import (
	"log"
	"os"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("pfx: ")
	log.Println("hello", 1, 2)
	log.Printf("%d items", 3)
	l := log.New(os.Stdout, "[out] ", log.Lmsgprefix)
	l.Print("to stdout")
	l.Printf("%q and %v", "quoted", []int{1, 2})
	defer func() { log.Print("recovered: ", recover()) }()
	log.Panicf("bad %s", "thing")
}
