package main

import "fmt"

// Never panics: even under --trace-panics stderr stays empty, though recover() runs (and returns
// nil) in a deferred call and outside one.
func f() (r int) {
	defer func() {
		if x := recover(); x != nil {
			r = -1
		}
	}()
	return 4
}

func main() {
	fmt.Println(f(), recover())
}
