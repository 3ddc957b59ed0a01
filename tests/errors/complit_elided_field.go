// A struct literal field value may not elide its composite literal type (array, slice and map
// elements may). Expected diagnostics from Go 1.27.3 (go build -gcflags=-e).
package main

type T struct {
	i    int
	next *T
	m    map[string]string
	a    [2]T2
}

type T2 struct{ x int }

var _ = &T{i: 0, next: {}}
var _ = T{0, {}, nil, [2]T2{}}
var _ = T{m: {"a": "b"}}
var _ = T{a: [2]T2{{1}, {x: 2}}}
var _ = []T{{i: 1, m: {}}}

func main() {}
