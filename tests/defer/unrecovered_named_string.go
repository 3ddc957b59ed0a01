package main

type Reason string

func main() {
	panic(Reason("quota exceeded"))
}
