// complex values in struct/array equality, interfaces, map keys (+0/-0, NaN) and type switches; expectation from go run (Go 1.27.3).
package main

import "fmt"

type P struct {
	a complex64
	b complex128
}

func main() {
	zero := 0.0
	nan := zero / zero
	p := P{complex(0, float32(zero)), complex(-zero, 0)}
	q := P{0, 0}
	fmt.Println(p == q)
	r := P{0, complex(nan, 0)}
	fmt.Println(r == r)
	var i, j interface{} = complex(nan, 1), complex(nan, 1)
	fmt.Println(i == j, i != j)
	var k, l interface{} = complex(-zero, 0), complex(zero, 0)
	fmt.Println(k == l)
	m := map[[2]complex64]string{}
	m[[2]complex64{1, 2i}] = "a"
	m[[2]complex64{complex(float32(-zero), 0), 2i}] = "b"
	m[[2]complex64{0, 2i}] += "c"
	fmt.Println(len(m), m)
	var x interface{} = complex64(1i)
	switch v := x.(type) {
	case complex128:
		fmt.Println("c128", v)
	case complex64:
		fmt.Println("c64", v)
	}
	arr := [3]complex128{1, 2, 3}
	brr := arr
	brr[1] = 2 + 0i
	fmt.Println(arr == brr, fmt.Sprintf("%v %+.1e", arr, arr[2]))
	mk := map[interface{}]int{complex(1, 1): 1, complex64(1 + 1i): 2}
	fmt.Println(mk[complex(1, 1)], mk[complex64(1+1i)], len(mk))
}
