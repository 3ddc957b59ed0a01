// //go: directives a declaration takes but does not accept, reported by gc after type checking
// (and only when nothing else is wrong): //go:noinline on a var, const, type or import, and
// //go:embed on a var inside a function or in a file that does not import "embed".
// Expected diagnostics from Go 1.27.3 (go build -gcflags=-e).
package main

//go:noinline
import "fmt"

//go:noinline
func f() int { return 1 }

//go:noinline
var v int

//go:nosplit
const c = 1

type (
	//go:noinline
	T int
	//go:norace
	U = T
)

//go:embed directive_late.go
var src string

func main() {
	//go:noinline
	type L int
	//go:embed directive_late.go
	var y string
	fmt.Println(f(), y, v+c, T(0), U(0), L(0), src)
}
