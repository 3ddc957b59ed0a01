package main

// Conversions ignore struct tags at every depth, not only of the outermost struct: slices, arrays,
// maps, pointers of tagged structs convert to their untagged twins (gojit rejected
// `[]struct{ F string "tag" }` to `[]struct{ F string }`: a false rejection of Go's
// test/fixedbugs/issue50439.go). Expectation from Go 1.27.3.

import "fmt"

type Tagged struct {
	F string `json:"f"`
	N []struct {
		X int `x:"1"`
	}
}

type Plain struct {
	F string
	N []struct{ X int }
}

func main() {
	data := []struct {
		F string `tag`
	}{{"a"}, {"b"}}
	v := ([]struct{ F string })(data)
	v[0].F = "changed"
	fmt.Printf("%v %v %T\n", v, data, v)

	t := Tagged{F: "t", N: []struct {
		X int `x:"1"`
	}{{1}, {2}}}
	p := Plain(t)
	fmt.Printf("%+v %T\n", p, p)
	pp := (*Plain)(&t)
	pp.F = "via pointer"
	fmt.Println(t.F)

	m := map[string]*struct {
		A int `a`
	}{"k": {7}}
	m2 := (map[string]*struct{ A int })(m)
	fmt.Println(m2["k"].A, len(m2))

	arr := [2]struct {
		C int `c`
	}{{1}, {2}}
	a2 := ([2]struct{ C int })(arr)
	fmt.Println(a2)
}
