package main

func f[A any, P A]() {}

type S[A any, B A] struct{}

type G[F any] struct{ f F }

func (G[F]) m2[P F]() {}

type T struct{}

func (T) m[P any](x P) P { return x }

type I[P any] interface{ m(P) P }

func need[X any](I[X]) {}

func main() {
	need(T{})
}
