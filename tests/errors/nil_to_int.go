package main

func main() {
	var n int
	n = nil
	_ = n
}
