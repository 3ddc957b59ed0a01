package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println("int8 127+1 =", a)
	a = -128
	a--
	fmt.Println("int8 -128-1 =", a)
	var b uint8 = 255
	b++
	fmt.Println("uint8 255+1 =", b)
	b = 0
	b--
	fmt.Println("uint8 0-1 =", b)
	var c int16 = 32767
	c += 10
	fmt.Println("int16 32767+10 =", c)
	var d uint16 = 65535
	d *= 3
	fmt.Println("uint16 65535*3 =", d)
	var e int32 = 2147483647
	e = e*2 + 1
	fmt.Println("int32 max*2+1 =", e)
	var f uint32 = 4000000000
	f += 500000000
	fmt.Println("uint32 4e9+5e8 =", f)
	var g int64 = 9223372036854775807
	g++
	fmt.Println("int64 max+1 =", g)
	var h uint64 = 0
	h--
	fmt.Println("uint64 0-1 =", h)
	var i int = -9223372036854775808
	i = -i
	fmt.Println("int -min =", i)
	var j int8 = -128
	j = -j
	fmt.Println("int8 -(-128) =", j)
	var k int8 = -128
	k = k / -1
	fmt.Println("int8 -128 / -1 =", k)
	var m int16 = 200
	m = m * m
	fmt.Println("int16 200*200 =", m)
	var u uint = 3
	var v uint = 5
	fmt.Println("uint 3-5 =", u-v)
	var x byte = 'A'
	x += 200
	fmt.Println("byte 'A'+200 =", x)
	var r rune = 0x7fffffff
	r++
	fmt.Println("rune max+1 =", r)
	var up uintptr = 1
	up -= 2
	fmt.Println("uintptr 1-2 =", up)
	// multiplication wrap in loops
	var p uint32 = 1
	for n := 0; n < 40; n++ {
		p *= 3
	}
	fmt.Println("3^40 mod 2^32 =", p)
	var q int8 = 1
	for n := 0; n < 10; n++ {
		q *= 2
		fmt.Print(q, " ")
	}
	fmt.Println()
}
