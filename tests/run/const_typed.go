// Typed constant arithmetic rounds after every operation (float32 too); conversions and kinds of mixed constants; expectation from go run (Go 1.27.3).
package main

import "fmt"

const f float32 = 0.1
const g = f * 3
const h float64 = 1.0 / 3.0
const big = 1 << 100
const M = 1<<64 - 1

type Celsius float64

const boil Celsius = 100

func main() {
	var u uint64 = M
	fmt.Println(g, f*3 == 0.3, h*3, u, big>>98, float64(big), float32(big))
	fmt.Println(boil/3, -0.0, 1/3.0*3 == 1, 'a'*2, string(rune(65+1)))
	var x float32 = 1e-46
	var y float64 = 0x1p-1075
	fmt.Println(x, y, 5e-324/2, 1.7976931348623157e308*1)
	const c = 'x' + 1.0
	fmt.Printf("%T %v\n", c, c)
	const z = 2.5 + 0i
	var zi int = z * 2
	fmt.Println(zi, ^0, ^uint16(0), -(-128))
	const s = "héllo" + "x"
	fmt.Println(len(s), s[1], 07, 0x10p0, 1_0.5)
}
