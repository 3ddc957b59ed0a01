package main

// Issue 14 (and issue 15's "Stack slot region cannot be larger than 2GiB"): locals, literals and
// temporaries too big for a frame live on the heap, as gc moves them there: a 512 MiB local,
// zeroing through a 2 GiB composite literal (compiled; run only with 6+ arguments, as it writes
// 2 GiB), a big literal, recursion ten deep with 256 MiB frames, array types of 2^40 and more
// elements. Expected output from Go 1.27.3.

import (
	"fmt"
	"os"
)

type B [1 << 31]byte

func rec(n int) int {
	var a [1 << 25]int
	a[n] = n
	if n == 10 {
		return a[n]
	}
	return rec(n+1) + a[n]
}

func local() byte {
	var a [1 << 29]byte
	a[len(a)-1] = 7
	return a[len(a)-1] + a[0]
}

func lit() int {
	x := [1 << 21]int{5: 1, 1<<21 - 1: 2}
	return x[5] + x[len(x)-1]
}

func main() {
	fmt.Println(rec(0))
	fmt.Println(local())
	fmt.Println(lit())
	p := new(B)
	p[5] = 1
	if len(os.Args) > 5 {
		*p = B{}
	}
	fmt.Println(p[5], len(p))
	var q *[1 << 40]byte
	var r *[1 << 44]int64
	fmt.Println(q == nil, len(q), len(r))
}
