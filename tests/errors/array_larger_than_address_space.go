package main

// gc refuses array types of more than 2^50-1 bytes (amd64's MaxWidth) when sizing them: one error
// per type, at the declaration or statement that meets it, with byte and rune spelled as written.

type E struct{ a, b int64 }

type M map[string]int

type T [1 << 50]byte

var g *[1 << 51]int16

func f(p *[1 << 47][8]byte) {}

func main() {
	var p *[1 << 46]E
	var q *[1 << 47]M
	type L [1 << 60]rune
	var r *L
	var t *T
	var t2 *[1 << 50]byte // the same type as T's underlying: reported once
	s := new([1 << 53]uint8)
	println(p == nil, q == nil, r == nil, t == nil, t2 == nil, s == nil, g == nil)
}
