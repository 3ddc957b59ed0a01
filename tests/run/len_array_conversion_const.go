// len/cap of an array reached through a conversion (`(*T)(nil)`) is a constant (the spec: the
// operand has no function call; a conversion is none, as go/types' hasCallOrRecv); GOROOT's
// runtime/debug declares `const maxPause = len(((*runtime.MemStats)(nil)).PauseNs)`.
// Expected output: Go 1.27.3.
package main

import "fmt"

type S struct{ A [256]uint64 }

var calls int

func get() *S { calls++; return &S{} }

func main() {
	const n = len(((*S)(nil)).A)
	var a [n]byte
	const c = cap((*[4]int)(nil))
	fmt.Println(n, len(a), c)
	m := len(get().A)
	fmt.Println(m, calls)
	const k = len([3]int{len("ab"), 2, 3})
	fmt.Println(k, len([2]string{string(rune(65)), "b"}))
	var arr [5]int
	for i := range (*[5]int)(&arr) {
		arr[i] = i
	}
	fmt.Println(arr, len(*(*[5]int)(nil)) + 1)
}
