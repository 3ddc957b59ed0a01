package main

func main() {
	_ = u0
	_ = u1
	_ = u2
	_ = u3
	_ = u4
	_ = u5
	_ = u6
	_ = u7
	_ = u8
	_ = u9
	_ = u10
	_ = u11
}
