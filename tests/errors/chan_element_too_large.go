package main

// gc's backend refuses channel element types of 64 kB or more (types.CalcSize), once per
// channel type, where it first sizes it; 65,535 bytes are fine. Reported only when the
// program has no type errors.

type T [1 << 17]byte

var c chan [2 << 16]byte

var x chan T

var y chan<- T

func main() {
	var ok chan [1<<16 - 1]byte
	ch := make(chan struct{ v [65536]byte })
	_, _ = ok, ch
}
