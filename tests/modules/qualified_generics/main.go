// Qualified generic functions and types (pkg.F(x) inferred, pkg.F[T] explicit, as values,
// pkg.T[K, V] in types and results of generic functions, pkg.F assigned to a func variable), called from generic and ordinary
// code: the shapes internal/synctest (abi.Escape) and slices/maps (iter.Seq2) use.
// Expected output from Go 1.27.3.
package main

import (
	"fmt"

	"example.com/qualified_generics/lib"
)

func Associate[T any](p *T) int {
	e := lib.Escape(p)
	return len(fmt.Sprint(*e))
}

func All[E any](s []E) lib.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func pairs[K comparable, V any](k K, v V) lib.Pair[K, V] { return lib.Pair[K, V]{Key: k, Val: v} }

func main() {
	x := 12345
	fmt.Println(Associate(&x), lib.Escape(3), lib.Escape[string]("s"))
	f := lib.Escape[float64]
	fmt.Println(f(2.5))
	All([]string{"a", "b", "c"})(func(i int, s string) bool {
		fmt.Println(i, s)
		return i < 1
	})
	p := pairs("k", 7)
	fmt.Printf("%v %T\n", p, p)
	var q lib.Pair[int, bool]
	fmt.Printf("%+v\n", q)
	fmt.Println(lib.Map([]int{1, 2, 3}, func(i int) string { return fmt.Sprint(i * i) }))
	var esc func(int) int = lib.Escape
	fmt.Println(esc(41) + 1)
}
