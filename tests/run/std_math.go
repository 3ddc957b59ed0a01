// GOROOT's math, math/bits, unicode and unicode/utf8 compiled from source, with the hooks
// for their assembly (lower/hooks.rs): exp/log/hypot as ported from gc's amd64 assembly must be
// bit-identical to gc's (a hash over 20000 results), floor/ceil/trunc/sqrt inline.

package main

import (
	"fmt"
	"math"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

func main() {
	xs := []float64{0, 0.5, -0.5, 1, 2, 10, -3.7, 1e-300, 700, -745, 1e10, math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, math.E, 123.456}
	for _, x := range xs {
		fmt.Println(x, math.Sqrt(x), math.Floor(x), math.Ceil(x), math.Trunc(x), math.Exp(x), math.Log(x))
		fmt.Println(math.Pow(x, 1.5), math.Hypot(x, 3), math.Max(x, 1), math.Min(x, 1), math.Abs(x), math.Sin(x), math.Cos(x), math.Atan(x))
		fmt.Println(math.Log2(x), math.Log10(x), math.Cbrt(x), math.Tanh(x), math.Expm1(x), math.Log1p(x), math.Round(x), math.Mod(x, 0.7))
	}
	for i := 0; i < 2000; i++ {
		x := float64(i)*0.37 - 300
		a, b := math.Exp(x), math.Log(math.Abs(x)+1e-3)
		if i%97 == 0 {
			fmt.Println(i, a, b)
		}
		h := math.Float64bits(a) ^ math.Float64bits(b)
		_ = h
	}
	var acc uint64
	for i := 0; i < 20000; i++ {
		x := float64(i)*0.0137 - 120
		acc = acc*31 + math.Float64bits(math.Exp(x)) + math.Float64bits(math.Log(x+200)) + math.Float64bits(math.Hypot(x, 7.5))
	}
	fmt.Println("acc", acc)
	fmt.Println(math.MaxInt64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.Signbit(math.Copysign(0, -1)))
	fmt.Println(bits.OnesCount64(0xF0F0), bits.LeadingZeros32(1), bits.TrailingZeros(8), bits.Reverse8(1), bits.Len(255))
	hi, lo := bits.Mul64(1<<63, 6)
	fmt.Println(hi, lo)
	q, r := bits.Div64(1, 0, 7)
	fmt.Println(q, r, bits.RotateLeft32(1, -1))
	fmt.Println(unicode.IsUpper('Ä'), unicode.ToLower('Ä'), unicode.IsDigit('٣'), unicode.IsSpace('\u00a0'), unicode.Is(unicode.Han, '世'))
	fmt.Println(utf8.RuneCountInString("héllo, 世界"), utf8.ValidString("a\xffb"), utf8.RuneLen('世'))
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	r2, size := utf8.DecodeRune(buf[:n])
	fmt.Println(n, r2, size)
}
