package main

// reflect.Copy between slices of a type with pointers goes through reflect.typedslicecopy
// (gc's runtime entry; Go's test tree: typeparam/issue48318.go via encoding/xml): it copies
// min(len(dst), len(src)) elements, overlapping ranges included, and returns that count; the
// copied pointers stay valid across collections. Expected output from Go 1.27.3 (`go run`).

import (
	"fmt"
	"reflect"
	"runtime"
)

type pair struct {
	name string
	p    *int
}

func main() {
	src := make([]pair, 5)
	for i := range src {
		v := i * 10
		src[i] = pair{fmt.Sprint("e", i), &v}
	}
	dst := make([]pair, 3)
	n := reflect.Copy(reflect.ValueOf(dst), reflect.ValueOf(src))
	src = nil
	runtime.GC()
	fmt.Println("copied", n)
	for _, e := range dst {
		fmt.Println(e.name, *e.p)
	}

	// overlapping, within one slice: shift right by 2
	s := []*string{new(string), new(string), new(string), new(string), new(string)}
	for i, p := range s {
		*p = fmt.Sprint("s", i)
	}
	n = reflect.Copy(reflect.ValueOf(s[2:]), reflect.ValueOf(s))
	fmt.Println("copied", n)
	for _, p := range s {
		fmt.Print(*p, " ")
	}
	fmt.Println()

	// shorter source; empty source; array destination through a pointer
	ifs := []any{1, "two", 3.0, nil}
	m := reflect.Copy(reflect.ValueOf(ifs), reflect.ValueOf([]any{"x", []int{7}}))
	fmt.Println("copied", m, ifs)
	fmt.Println("copied", reflect.Copy(reflect.ValueOf(ifs), reflect.ValueOf([]any{})), ifs)
	var arr [3]map[string]int
	k := reflect.Copy(reflect.ValueOf(&arr).Elem(), reflect.ValueOf([]map[string]int{{"a": 1}, {"b": 2}, {"c": 3}, {"d": 4}}))
	runtime.GC()
	fmt.Println("copied", k, arr)
}
