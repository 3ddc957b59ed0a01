package main

// A panic with a string inside an Error method while the crash report is prepared: gc throws
// "panic while printing panic value: <the string>" (preprintpanics), exit status 2.

type E struct{}

func (E) Error() string { panic("important error") }

func main() {
	defer func() {
		println("deferred call runs first")
	}()
	panic(E{})
}
