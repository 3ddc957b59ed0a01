// complex(f()) with a two-result f, complex values through closures, results and interfaces;
// expectation from go run (Go 1.27.3).
package main

import "fmt"

func parts() (float64, float64) { return 5, 7 }

func parts32() (float32, float32) { return 0.5, -1 }

func swap(c complex128) (complex128, float64) { return complex(imag(c), real(c)), real(c) }

type Num interface{ Abs2() float64 }

type Z complex64

func (z Z) Abs2() float64 { return float64(real(z)*real(z) + imag(z)*imag(z)) }

func main() {
	c := complex(parts())
	d := complex(parts32())
	fmt.Println(c, d, c == 5+7i)
	s, r := swap(c)
	fmt.Println(s, r)
	acc := complex128(0)
	add := func(x complex128) { acc += x }
	for i := 0; i < 4; i++ {
		add(complex(float64(i), 1))
	}
	fmt.Println(acc)
	var n Num = Z(3 + 4i)
	fmt.Println(n.Abs2(), n)
	fmt.Printf("%v %T\n", n, n)
	println(c, d)
}
