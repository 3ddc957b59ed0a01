package main

func main() {
L:
	for i := 0; i < 3; i++ {
	}
}
