// complex64/complex128: arithmetic, comparison, complex/real/imag, conversions, constants, map keys, fmt and println; expectation from go run (Go 1.27.3).
package main

import "fmt"

type C complex128

func id(c complex128) complex128 { return c }

func pair(a, b complex64) (complex64, complex64) { return b, a }

type S struct {
	a int8
	c complex64
	d complex128
}

func main() {
	c := complex(1, 2)
	var d complex64 = 3 + 4i
	println(c, d, 1.5, float32(0.1))
	fmt.Println(c, d, real(c), imag(d))
	fmt.Printf("%v %.2f %g %e %T %T %+v %8.3f|\n", c, c, d, c, c, d, c, d)
	fmt.Println(c*c, c == id(1+2i), c != 1, -c, c-d2(), c+1)
	x, y := pair(d, complex64(c))
	fmt.Println(x, y, complex128(x)/2, x/y)
	var z complex128
	fmt.Println(z, z == 0, 1/z)
	m := map[complex128]int{}
	m[1+1i]++
	m[1+1i]++
	m[complex(0, 0)] = 5
	nz := complex(-1*0.0, 0)
	m[nz]++
	fmt.Println(len(m), m[1+1i], m[0])
	var i interface{} = c
	fmt.Println(i, i == interface{}(1+2i))
	s := S{1, 2i, 3 + 3i}
	t := s
	fmt.Println(s, s == t, fmt.Sprint(C(1i)))
	arr := []complex64{1, 2i, -3 - 3i}
	sum := complex64(0)
	for _, v := range arr {
		sum += v
		sum *= 2
	}
	fmt.Println(sum, arr)
	const k = 2i * 2i
	fmt.Println(k, real(k), imag(3+4i), complex(3, 4) == 3+4i)
	var f32 float32 = 1.5
	fmt.Println(complex(f32, f32), real(complex(f32, 2)))
	fmt.Printf("%v %q\n", d, 3i)
}
func d2() complex128 { return 1 + 2i }
