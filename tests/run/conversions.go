package main

import "fmt"

func main() {
	var i int = 300
	fmt.Println(int8(i), uint8(i), int16(i), uint16(i))
	var n int = -1
	fmt.Println(uint8(n), uint16(n), uint32(n), uint64(n), uint(n))
	var big int64 = 1<<40 + 5
	fmt.Println(int32(big), uint32(big), int8(big))
	var s8 int8 = -5
	fmt.Println(int64(s8), uint64(s8), uint8(s8), int(s8))
	var u8 uint8 = 200
	fmt.Println(int8(u8), int(u8), int64(u8))
	f := 3.99
	fmt.Println(int(f), int(-f), int64(f*100))
	g := -2.5
	fmt.Println(int(g), uint8(int(-g)))
	k := 7
	fmt.Println(float64(k)/2, float64(k/2))
	var u64 uint64 = 1 << 63
	fmt.Println(float64(u64))
	var r rune = 'é'
	fmt.Println(r, string(r), string(rune(65)), string(rune(0x4e16)))
	var b byte = 'z'
	fmt.Println(b, string(b), string(rune(b)))
	fmt.Println(string(rune(-1)), string(rune(0x10FFFF+1)) == "\uFFFD")
	type Celsius float64
	type Fahrenheit float64
	c := Celsius(100)
	fh := Fahrenheit(c*9/5 + 32)
	fmt.Println(c, fh)
	type MyInt int
	var mi MyInt = 42
	fmt.Println(int(mi)+1, MyInt(7)*mi)
	x := 1e3
	fmt.Println(int(x), int32(x))
	fmt.Printf("%T %T %T\n", mi, c, uint16(3))
}
