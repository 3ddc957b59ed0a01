package main

// Issue 14 (fault sweep): a panic value's text is printed indented as gc's printindented does:
// every newline is followed by a tab, also for an error's Error(). Expected output from
// Go 1.27.3.

import "errors"

func main() {
	defer func() {
		r := recover()
		println("recovered:", r.(string) == "a\nb")
		panic(errors.New("first line\nsecond line\n"))
	}()
	panic("a\nb")
}
