package main

func one(a int) {}

func main() {
	one(1, 2, 3)
}
