// Elided &T in composite literals by core type (types2): a named pointer type and a type
// parameter whose core type is a pointer (typeparam/issue50833.go). Expected output from Go 1.27.3.
package main

import "fmt"

type (
	S  struct{ f int }
	PS *S
)

func b() []PS                       { return []PS{{f: 1}, {2}} }
func c[P *S]() []P                  { return []P{{f: 3}} }
func d[P PS]() map[string]P         { return map[string]P{"k": {f: 4}} }
func e[P ~*S]() [2]P                { return [2]P{{f: 5}, {}} }

func main() {
	x := b()
	fmt.Println(x[0].f, x[1].f, c[*S]()[0].f, d[PS]()["k"].f, e[*S]()[0].f, e[PS]()[1].f)
}
