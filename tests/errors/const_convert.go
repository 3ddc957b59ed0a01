// Constant conversion and shift-count messages; expectation from go build (Go 1.27.3).
package main

const o = 1 << 1100
const c = ^(1 << 600)

func main() {
	_ = float64(1e500)
	_ = int8(200)
	_ = int(2.5)
	_ = uint(-1)
	const k = 10
	_ = 1 << (k * 200)
	var n = 3
	_ = 1.5 << n
	_ = float32(1e39)
}
