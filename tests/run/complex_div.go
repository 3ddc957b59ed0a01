// Complex division (gc's complex128div: Smith's algorithm plus C99 infinity/zero fix-ups),
// complex64 widening, and map keys with +0/-0 and NaN parts; expectation from go run (Go 1.27.3).
package main

import "fmt"

func div(a, b complex128) complex128  { return a / b }
func div64(a, b complex64) complex64  { return a / b }
func mul64(a, b complex64) complex64  { return a * b }

func main() {
	zero := 0.0
	inf := 1 / zero
	nan := zero / zero
	fmt.Println(div(1+2i, 3+4i), div(1+2i, 0), div(1+1i, complex(inf, 0)), div(complex(inf, 0), 1+1i))
	fmt.Println(div(complex(nan, 1), 1), div(0, 0), div(1e300+1e300i, 1e-300+1e-300i))
	fmt.Println(div64(1+2i, 3+4i), div64(1, 3), mul64(1e20+1e20i, 1e20-1e20i), mul64(1.1+2.2i, 3.3-4.4i))
	m := map[complex128]int{}
	m[complex(zero, 0)]++
	m[complex(-zero, -zero)]++
	m[complex(nan, 0)]++
	m[complex(nan, 0)]++
	fmt.Println(len(m), m[0])
	var c complex128 = complex(nan, 1)
	fmt.Println(c == c, c != c)
	for i := 1; i <= 3; i++ {
		x := complex(float64(i), float64(-i))
		x /= complex(0, float64(i))
		fmt.Print(x, " ")
	}
	fmt.Println()
}
