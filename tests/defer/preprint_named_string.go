package main

// preprintpanics: the inner panic value is of a defined string type, not string: gc names its
// type ("type main.Msg") rather than printing it.

type Msg string

type E struct{ p *int }

func (e *E) Error() string { panic(Msg("named")) }

func main() {
	panic(&E{})
}
