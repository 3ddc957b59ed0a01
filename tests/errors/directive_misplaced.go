// Misplaced //go: directives, as gc checks them: one not alone on its line, or left over where
// no declaration takes it (a statement, a grouped declaration's "(", the end of the file) is
// reported while parsing; one a declaration takes but does not accept (//go:noinline on a
// var, const or type) after type checking. Unknown directives are ignored; runtime-only and
// cgo directives are refused. Expected diagnostics from Go 1.27.3 (go build -gcflags=-e).

//go:build !never

package main

import _ "embed"

//go:noinline
func f() int { return 1 }

//go:noinline
var v int

//go:nosplit
const c = 1

type (
	//go:noinline
	T int
)

//go:noinline
type (
	U int
)

//go:frobnicate
func g() {} //go:noinline

//go:nowritebarrier
func h() {}

//go:cgo_import_static sym
func k() {}

//go:embed directive_misplaced.go
var src string

func main() {
	//go:noinline
	x := f()
	//go:embed directive_misplaced.go
	var y string
	_, _, _ = x, y, v+c
	//go:noinline
}

//go:noinline
