// len and cap of an array are constant when the operand has no function call or channel receive
// (the spec, go/types' hasCallOrRecv): a conversion is not a call, nor is a constant len/cap, so
// `len((*T)(nil).arr)` is a constant and its operand is never evaluated (no nil dereference),
// while a call of a function or of a non-constant builtin makes it an ordinary, evaluated value.
// Expected output from Go 1.27.3 (go run).
package main

import "fmt"

type T struct {
	arr [7]int
	mat [2][5]byte
}

type Stats struct{ PauseNs [256]uint64 }

func f() [4]int {
	fmt.Println("f called")
	return [4]int{}
}

// As runtime/debug writes it: an array length from a nil pointer's field.
const pauses = len(((*Stats)(nil)).PauseNs)

var buf [len((*T)(nil).arr) + len(T{}.mat[0])]byte

const nested = len([len((*T)(nil).mat)]int{})

func main() {
	fmt.Println(pauses, len(buf), nested)
	var t *T
	fmt.Println(len(t.arr), cap(t.mat[1]))
	for i := range t.arr {
		_ = i
	}
	n := len(f())
	fmt.Println(n)
	m := cap([3]int(make([]int, 3)))
	fmt.Println(m)
	ch := make(chan [2]int, 1)
	ch <- [2]int{}
	fmt.Println(len(<-ch))
	defer func() { fmt.Println("recovered:", recover()) }()
	for i := range *(&t.arr) {
		_ = i
	}
	fmt.Println(len([2]int{int(len(f()))}))
}
