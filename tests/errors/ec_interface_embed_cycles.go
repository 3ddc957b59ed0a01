package main

// Cycles of interface embeddings (invalid) next to cycles through method signatures
// (valid), each invalid cycle reported once from its first member.

type A interface{ B }
type B interface{ A }

type C interface{ C }

type D interface {
	m() E
	E
}
type E interface{ F }
type F interface{ D }

type G interface{ m() H }
type H interface{ G }
type K interface {
	H
	n() G
}

func main() {}
