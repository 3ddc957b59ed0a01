// Exact untyped constants (big integers, exact rationals, huge exponents) rounded only on conversion; expectation from go run (Go 1.27.3).
package main

import "fmt"

const big = 1 << 200
const huge = big * big
const f = 1e500
const third = 1.0 / 3

const (
	a = big >> 190
	b = huge / (big * big >> 10)
	c = f / 1e499
	d = 0.1 + 0.2
	e = 1e-400 * 1e400
	g = 'a' + 1
	h = ^uint8(3)
	i = -7 / 2
	j = -7 % 2
	k = -5 >> 1
	m = 1 << 62 * 4 / 8
	n float32 = 16777217
	o = 1<<63 - 1
	p uint64 = 1<<64 - 1
)

func main() {
	fmt.Println(a, b, c, d, e, g, h, i, j, k, m, n, o, p)
	fmt.Println(third, third*3 == 1, float32(third))
	var x float64 = d
	fmt.Println(x == 0.3, d == 0.3)
	fmt.Println(1e300*1e300/1e300, 0x1p-1074, 4.9406564584124654e-324)
	const q = 1e-320
	fmt.Println(q, float32(1e-45), float32(0.1))
	fmt.Println(big/big, huge>>399)
	fmt.Println(0x1.8p1, 1_000.5e-3, 0o17, 017, 0b101)
	fmt.Println(9007199254740993.0, float64(9007199254740993))
	var y = 1<<100 >> 98
	fmt.Println(y)
	const z = 1.5
	fmt.Println(int(z*2), 7.0/2, 7/2.0)
}
