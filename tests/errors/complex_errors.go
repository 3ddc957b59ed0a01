// complex builtin, ordering, conversion and representability messages; expectation from go build (Go 1.27.3).
package main

func main() {
	var f float64 = 1
	var f32 float32 = 2
	var c complex128 = 1i
	_ = complex(f, f32)
	_ = complex(c, c)
	_ = real(f)
	_ = c < c
	_ = float64(c)
	_ = complex128(f)
	var i int = 1i
	var g float64 = 1 + 2i
	_ = 1i % 2
	println(i, g)
}
