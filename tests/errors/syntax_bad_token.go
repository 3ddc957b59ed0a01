package main

func main() {
	var x int = 3 )
	_ = x
}
