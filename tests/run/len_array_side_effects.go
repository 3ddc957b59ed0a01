// len/cap of an array or array pointer whose operand has a call or a receive is not a constant:
// the operand is evaluated (for its side effects), even for a nil array pointer. And a range
// clause assigning to `i, x[i]` evaluates x[i]'s index before assigning i.
// Expectation: Go 1.27.3 `go run`.
package main

import "fmt"

var calls int

func arr() [4]int      { calls++; return [4]int{} }
func parr() *[5]int    { calls++; return nil }
func slice() []int     { calls++; return []int{1, 2, 3} }

func main() {
	c := make(chan [3]int, 1)
	c <- [3]int{}
	fmt.Println(len(arr()), cap(parr()), len(<-c), calls)
	n := 0
	for range parr() {
		n++
	}
	fmt.Println(n, calls)
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
		break
	}
	fmt.Println(i, x)
	m := map[string]int{"k": 7}
	keys := []string{"a", "b"}
	j := 1
	for keys[j], j = range map[string]int{"k": 0} {
	}
	fmt.Println(keys, j, len(m))
	for i, x[i] = range slice() {
	}
	fmt.Println(i, x, calls)
}
