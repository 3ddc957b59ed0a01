// Method expressions and method values on type-parameter types (T.M, x.M), resolved per
// instance: value and pointer receivers, interface type arguments. Expected output from Go 1.27.3
// (go run).
package main

import "fmt"

type Namer interface{ Name() string }

type Dog struct{ n string }

func (d Dog) Name() string { return "dog " + d.n }

type Cat struct{ n string }

func (c *Cat) Name() string { return "cat " + c.n }

func Names[T Namer](xs []T) []string {
	f := T.Name
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
		g := x.Name
		out = append(out, g())
	}
	return out
}

func main() {
	fmt.Println(Names([]Dog{{"rex"}}))
	fmt.Println(Names([]*Cat{{"tom"}}))
	fmt.Println(Names([]Namer{Dog{"a"}, &Cat{"b"}}))
}
