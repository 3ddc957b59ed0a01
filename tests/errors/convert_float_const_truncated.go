package main

// A float constant that an integer type cannot represent exactly: types2's wording, without a
// "(truncated)" suffix (Go 1.27.3).

func main() {
	println(uint8(-1.5))
}
