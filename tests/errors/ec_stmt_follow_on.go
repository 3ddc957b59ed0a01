package main

// A name repeated on the left of := gets no assignment of its own; a method named like a field
// is still a method (types2 adds it: calling it is no follow-on error); empty statements after
// fallthrough do not count.

type T struct{ b int }

func (T) b() {}

func f(x int) {
	switch x {
	case 0:
		fallthrough
		;
	case 1:
		fallthrough
		{}
	case 2:
	}
}

func main() {
	var t T
	t.b()
	x, x := 1, true
	f(0)
}
