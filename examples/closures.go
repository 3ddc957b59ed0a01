// Closures capturing by reference: generators, memoization, middleware-style composition, and
// Go 1.22 per-iteration loop variables.
package main

import "fmt"

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

type Handler func(string) string

func logging(prefix string, calls *int) func(Handler) Handler {
	return func(next Handler) Handler {
		return func(s string) string {
			*calls++
			return prefix + next(s)
		}
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func main() {
	next := fibGen()
	for i := 0; i < 12; i++ {
		fmt.Print(next(), " ")
	}
	fmt.Println()

	calls := 0
	h := logging("[a] ", &calls)(logging("[b] ", &calls)(upper))
	fmt.Println(h("hello"), h("closures"), "calls:", calls)

	var printers []func() string
	for i := 0; i < 3; i++ {
		i := i // explicit copy keeps this identical before and after Go 1.22
		printers = append(printers, func() string { return fmt.Sprint("printer ", i) })
	}
	for _, p := range printers {
		fmt.Println(p())
	}

	counter := map[string]int{}
	inc := func(k string) func() {
		return func() { counter[k]++ }
	}
	a, b := inc("a"), inc("b")
	a()
	a()
	b()
	fmt.Println(counter)
}
