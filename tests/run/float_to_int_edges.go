package main

// Issue 14: float -> integer conversions of NaN, ±Inf and out-of-range values give exactly what
// gc compiles for amd64 (CVTTSD2SI's "integer indefinite" at the width gc converts at), for every
// source and target width. Expected output from Go 1.27.3.

import "fmt"

func main() {
	zero := 0.0
	vals := []float64{zero / zero, 1 / zero, -1 / zero, -1.5, 1e20, -1e20, 9223372036854775808.0, 18446744073709551616.0, 300.7, -129.5, 4294967296.5, -2147483649.0, -2147483648.9, 2147483648.0, 2147483903.0, 65535.9, -0.9, 1.8446744073709552e19, 9.3e18, -9.3e18, -9223372036854775808.0, -9223372036854777856.0, 127.99, -128.99, 4294967295.5}
	for i, f := range vals {
		g := float32(f)
		fmt.Println(i, "int8", int8(f), int8(g))
		fmt.Println(i, "int16", int16(f), int16(g))
		fmt.Println(i, "int32", int32(f), int32(g))
		fmt.Println(i, "int64", int64(f), int64(g))
		fmt.Println(i, "int", int(f), int(g))
		fmt.Println(i, "uint8", uint8(f), uint8(g))
		fmt.Println(i, "uint16", uint16(f), uint16(g))
		fmt.Println(i, "uint32", uint32(f), uint32(g))
		fmt.Println(i, "uint64", uint64(f), uint64(g))
		fmt.Println(i, "uint", uint(f), uint(g))
		fmt.Println(i, "uintptr", uintptr(f), uintptr(g))
	}
	// in-range constants convert exactly
	const c = -128.0
	fmt.Println(int8(c), uint8(255.0), int64(-9223372036854775808.0), uint64(18446744073709551615.0), uint32(4294967295.0), int16(float32(-32768)))
}
