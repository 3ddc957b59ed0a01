// Generic methods need go1.27: the go.mod's `go 1.26` line is gc's -lang (expected output from
// Go 1.27.3: `go run .`).
package main

type T struct{}

func (T) Ident[P any](p P) P { return p }

type List[E any] struct{ xs []E }

func (l *List[E]) Map[R any, S ~[]R](f func(E) R) S { return nil }

func main() {
	println(T{}.Ident[int](3))
}
