package main

// Cycles through anonymous interfaces in method signatures: gc's own check after type
// checking (go.dev/issue/56103), one error per group of mutually recursive interfaces,
// at the outermost interface; local types too.

type i interface{ m() interface{ i } }
type _ interface{ i }

type (
	a interface {
		m() interface {
			a
			b
		}
	}
	b interface {
		m() interface {
			a
			b
		}
	}
)

func main() {
	type j interface{ m() []interface{ j } }
}
