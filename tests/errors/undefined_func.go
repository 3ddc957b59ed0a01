package main

func main() {
	y := compute(3)
	_ = y
}
