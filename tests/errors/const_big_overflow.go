// Untyped constant overflow and representability messages; expectation from go build (Go 1.27.3).
package main

var x int = 1 << 200
var y = 1e500
var z float32 = 1e39
var w int = 1.5
var v uint8 = 256
var u int = 1e100

const s = 1 << 511
const t = s << 1
const r = s * 4
const q = s + s
const p = -s - s
const o = 1 << 1100

func main() {
	_ = float64(1e500)
	_ = int8(200)
	_ = int(2.5)
	println(x, y, z, w, v, u)
}
