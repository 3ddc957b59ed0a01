package main

// Array types just below gc's limit (2^50-1 bytes, amd64's MaxWidth) compile; only values of them
// would not fit in memory.

type T [1<<50 - 1]byte

type U [1<<47 - 1][8]byte

func main() {
	var p *T
	var q *U
	var r *[(1<<50 - 1) / 3][3]byte
	println(p == nil, q == nil, r == nil, len(p), len(q[0]), len(r))
}
