// unsafe.Sizeof/Alignof/Offsetof of operands whose layout depends on a type argument are
// values computed per instance (types2's hasVarSize), not constants folded from the generic
// body: gojit printed 0 for each (typeparam/issue47716.go). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"unsafe"
)

type Pair[T any] struct {
	a T
	b int8
	c T
}

type Arr[T any] [3]T

func sizes[T any](x T) (uintptr, uintptr) { return unsafe.Sizeof(x), unsafe.Alignof(x) }

func (p *Pair[T]) offs() (uintptr, uintptr) { return unsafe.Offsetof(p.b), unsafe.Offsetof(p.c) }

func arr[T any]() uintptr {
	var a Arr[T]
	var p *T
	return unsafe.Sizeof(a)*100 + unsafe.Sizeof(p)
}

func main() {
	fmt.Println(sizes(int8(1)))
	fmt.Println(sizes("abc"))
	fmt.Println(sizes([5]int16{}))
	fmt.Println(sizes(Pair[int32]{}))
	fmt.Println(sizes(any(nil)))
	fmt.Println((&Pair[int8]{}).offs())
	fmt.Println((&Pair[string]{}).offs())
	fmt.Println((&Pair[complex128]{}).offs())
	fmt.Println(arr[byte](), arr[[2]string]())
	const k = unsafe.Sizeof(Pair[int64]{}) // constant: no type parameter involved
	fmt.Println(k)
}
