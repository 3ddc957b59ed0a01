package main

type T struct{}

func (T) m[P any](x P) P { return x }

type G[F any] struct{ f F }

func (G[F]) m3[P *F](P) {}

type I interface{ m(int) int }

type J interface{ n() }

type V struct{}

func (V) n[_ any]() {}

func main() {
	var x T
	f := x.m
	g := T.m
	var _ I = x
	var _ J = V{}
	_ = x.m[int, string]
	_ = x.m[string](1)
	var _ int = x.m(3.14)
	_ = G[int]{}.m3[*string]
	_, _ = f, g
}
