// Indexing type parameters without a core type (type sets mixing slices, arrays, array
// pointers and strings; all-map sets), as types2 allows: reads, writes, addresses, lengths.
// Expected output from Go 1.27.3.
package main

import "fmt"

func get[T interface{ []int64 | [5]int64 | *[4]int64 }](x T, i int) int64 { return x[i] }

func set[T interface{ []int64 | *[5]int64 }](x T) { x[1] = 42 }

func bytesAt[T interface{ []byte | string | [3]byte }](x T) (byte, byte) { return x[0], x[len(x)-1] }

type M1 map[string]int
type M2 map[string]int

func inc[T interface{ M1 | M2 }](m T, k string) int {
	m[k]++
	v, ok := m["zz"]
	return m[k]*10 + v + len(m)*1000 + map[bool]int{true: 7}[ok]
}

type A[T interface{ []int | [5]int }] struct{ val T }

func (a *A[T]) addr() *int { return &a.val[2] }

func main() {
	s := []int64{1, 2, 3, 4, 5}
	arr := [5]int64{10, 20, 30, 40, 50}
	p := &[4]int64{7, 8, 9, 10}
	fmt.Println(get(s, 4), get(arr, 3), get(p, 0))
	set(s)
	pa := &arr
	set(pa)
	fmt.Println(s, arr)
	fmt.Println(bytesAt("hello"))
	fmt.Println(bytesAt([]byte{1, 2, 3, 4}))
	fmt.Println(bytesAt([3]byte{'x', 'y', 'z'}))
	m := M1{"a": 1}
	fmt.Println(inc(m, "a"), inc(M2{}, "b"), m)
	x := A[[]int]{val: make([]int, 4)}
	*x.addr() = 5
	y := A[[5]int]{}
	*y.addr() = 6
	fmt.Println(x.val, y.val)
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(get(s, 5))
}
