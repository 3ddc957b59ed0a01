package main

// %x, %X and %b on floats and complex numbers (strconv's 'x' and 'b' formats): hex mantissa and
// binary exponent, rounding to a precision, the # flag (hex digits e/E are not an exponent),
// widths, signs, float32 widths, subnormals, NaN and infinities. Before, gojit printed them as %g.

import "fmt"

func main() {
	zero := 0.0
	inf, nan := 1/zero, zero/zero
	vals := []float64{0, 1, -1, 0.1, 3.5, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789,
		1.7976931348623157e308, 1.0 / 3, 0.9999999, 15.999, 1.5, 2.5, 0x1.fffffffffffffp0, 0x1.ep5, 14,
		inf, -inf, nan}
	for _, v := range vals {
		fmt.Printf("%x|%X|%b|%.0x|%.1x|%.3X|%.14x|%.20x\n", v, v, v, v, v, v, v, v)
		fmt.Printf("%#x|%#X|%#b|%#.0x|%#.2x|%#.8x|%#v\n", v, v, v, v, v, v, v)
		fmt.Printf("%20x|%-20x|%020x|%+x|% x|%+020.3x|%- 10.1X|\n", v, v, v, v, v, v, v)
	}
	for _, v := range []float32{0, 1, 0.1, -3.75, 1e-45, 3.4028235e38, 1.17549435e-38} {
		fmt.Printf("%x|%X|%b|%.2x|%#x\n", v, v, v, v, v)
	}
	for _, c := range []complex128{1 + 2i, complex(0.1, -0.5), complex(inf, nan)} {
		fmt.Printf("%x|%X|%b|%.2x|%#x\n", c, c, c, c, c)
	}
	fmt.Printf("%x %b\n", complex64(0.1+3i), complex64(-1i))
	fmt.Println(fmt.Sprintf("%x", []float64{1, 0.5}), fmt.Sprint(len(fmt.Sprintf("%.70000x", 1.0))))
}
