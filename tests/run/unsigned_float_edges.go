package main

import "fmt"

func main() {
	var big uint64 = 1 << 63
	var one uint64 = 1
	fmt.Println(big > one, big+big == 0, big/3, big%7, big>>62)
	var u32 uint32 = 0xFFFFFFF0
	fmt.Println(u32 > 5, u32/16, u32*16, u32+0x20)
	var u8a, u8b uint8 = 200, 100
	fmt.Println(u8a > u8b, u8a+u8b, u8b-u8a, u8a*2, u8a/u8b)
	var i8 int8 = -1
	fmt.Println(uint8(i8) > 100, i8 < 0)
	fmt.Println(float64(big), float64(^uint64(0)), float64(uint32(u32)))
	f := 1.5e19
	fmt.Println(uint64(f), uint64(float64(1<<63)))
	g := 3e9
	fmt.Println(uint32(g), int64(g))
	zero := 0.0
	nan := zero / zero
	fmt.Println(nan, nan == nan, nan != nan, nan < 1, nan > 1, nan >= nan)
	negz := -zero
	fmt.Println(negz, 1/negz, negz == 0)
	fmt.Printf("%v %f %.2e %g\n", nan, nan, negz, negz)
	posInf, negInf := 1/zero, -1/zero
	fmt.Println(posInf > 1e308, negInf < -1e308, posInf+negInf)
	h := 0.1
	sum := 0.0
	for i := 0; i < 10; i++ {
		sum += h
	}
	fmt.Println(sum, sum == 1, 1-sum)
	fmt.Println(7.0/2.0, -7.0/2.0, float64(-7)/2)
	var x uint = 10
	var y uint = 3
	fmt.Println(x-y, y-x > x, x%y, x&^y, x<<60>>60)
	var mx uint16 = 65535
	mx++
	fmt.Println(mx)
	a, b := -3, 2
	fmt.Println(uint(a) > uint(b), a < b)
}
