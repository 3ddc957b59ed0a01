// Assigning an array through overlapping array pointers copies as if the value were read first
// (memmove): small copies were done chunk by chunk, each load after the previous store (gosweep
// fixedbugs/issue54467.go). Expected output from Go 1.27.3.
package main

import "fmt"

type pair struct{ a, b int64 }

func main() {
	var x [64]byte
	for i := range x {
		x[i] = byte(i)
	}
	y := x
	copy(x[4:36], x[2:34])
	*(*[32]byte)(y[4:36]) = *(*[32]byte)(y[2:34])
	fmt.Println(x == y, y[:12])

	var w [12]int32
	for i := range w {
		w[i] = int32(i * 10)
	}
	*(*[9]int32)(w[3:12]) = *(*[9]int32)(w[0:9])
	fmt.Println(w)
	*(*[9]int32)(w[0:9]) = *(*[9]int32)(w[3:12])
	fmt.Println(w)

	ps := []pair{{1, 2}, {3, 4}, {5, 6}, {7, 8}}
	*(*[3]pair)(ps[1:]) = *(*[3]pair)(ps[:3])
	fmt.Println(ps)

	var big [40]int16
	for i := range big {
		big[i] = int16(i)
	}
	*(*[39]int16)(big[1:]) = *(*[39]int16)(big[:39])
	fmt.Println(big[:8], big[39])
}
