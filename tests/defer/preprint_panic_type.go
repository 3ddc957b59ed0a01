package main

// A panic with a non-string value inside a String method while the crash report is prepared
// (here of an older, recovered-and-repanicked chain): gc throws "panic while printing panic value:
// type <T>" naming the inner panic's dynamic type.

type S struct{ m map[string]int }

func (s S) String() string {
	s.m["x"] = 1 // nil map: a runtime.plainError
	return "unreachable"
}

type N string

func main() {
	defer func() {
		r := recover()
		println("recovered", r != nil)
		panic(S{})
	}()
	panic(N("first"))
}
