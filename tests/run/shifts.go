package main

import "fmt"

func main() {
	var x uint8 = 1
	for s := uint(0); s < 10; s++ {
		fmt.Print(x<<s, " ")
	}
	fmt.Println()
	var y int8 = -128
	for s := 0; s < 10; s++ {
		fmt.Print(y>>s, " ")
	}
	fmt.Println()
	var z int64 = -1
	fmt.Println(z>>63, z>>64, z>>100, z<<63, z<<64)
	var w uint64 = 0xFFFFFFFFFFFFFFFF
	fmt.Println(w>>63, w>>64, w<<63, w<<64, w>>200)
	var i32 int32 = 1
	n := 31
	fmt.Println(i32<<n, i32<<(n+1), i32<<(n+5))
	var u32 uint32 = 0x80000000
	fmt.Println(u32>>31, u32>>32, u32<<1)
	// signed shift counts (non-negative) are allowed since Go 1.13
	var sc int = 3
	fmt.Println(1<<sc, 256>>sc)
	var k int = -17
	fmt.Println(k>>1, k>>2, k>>10, k<<2)
	var b byte = 0xAB
	fmt.Println(b>>4, b<<4, b<<4>>4)
	// shift with uint8 count
	var c uint8 = 70
	var one int64 = 1
	fmt.Println(one<<c, one<<(c-10))
	// constant shifts
	const big = 1 << 62
	fmt.Println(big, big>>60)
	x2 := 1 << 10
	fmt.Println(x2)
	x2 <<= 3
	fmt.Println(x2)
	x2 >>= 5
	fmt.Println(x2)
	var neg int16 = -1000
	neg >>= 3
	fmt.Println(neg)
	fmt.Println(uint16(0xFFFF)>>8, int16(-1)<<15)
}
