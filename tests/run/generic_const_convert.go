// Conversions of untyped constants to type parameters (T(0), T(3.14), T(-1i): representable by
// every term, materialised per instance), ++/-- on type parameters without a core type and on
// complex values (gojit failed with an internal compiler error), make and indexing with a length
// or index of type-parameter type. Expected output from Go 1.27.3.
package main

import "fmt"

type Complex interface{ ~complex64 | ~complex128 }

type Num interface {
	~int8 | int32 | int64 | float32 | float64 | complex64 | complex128
}

type Int interface{ int | int32 | uint8 }

type myc complex64

func zero[T Complex]() T { return T(0) }
func pi[T Complex]() T   { return T(3.14) }
func im[T Complex]() T   { return T(-1i) }

func inc[T Num](x T) T {
	x++
	x++
	x--
	return x + T(100)
}

func fill[T Int](n T) []T {
	s := make([]T, n, n+1)
	for i := range s {
		s[i] = T(i)*2 + 1
	}
	return s[:n:n+1]
}

func pick[T Int](s []string, i T) string { return s[i] }

func main() {
	fmt.Println(zero[complex128](), pi[complex64](), im[myc]())
	fmt.Printf("%T %v\n", im[myc](), pi[myc]())
	fmt.Println(inc[int8](5), inc(int32(-7)), inc(int64(1<<40)), inc(float32(0.5)), inc(2.25))
	fmt.Println(inc(complex64(1i)), inc(3+4i))
	fmt.Println(fill(int32(4)), fill(uint8(3)), len(fill(0)))
	fmt.Println(pick([]string{"a", "b", "c"}, uint8(2)), pick([]string{"x", "y"}, int32(1)))
	var c complex64 = 2i
	c++
	d := 1 + 1i
	d--
	fmt.Println(c, d)
}
