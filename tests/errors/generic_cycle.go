// An unbounded instantiation cycle (gc reports it at the type parameter). Expected diagnostics from Go 1.27.3 (go run).
package main

func F[T any](n int) {
	if n > 0 {
		F[*T](n - 1)
	}
}

func main() { F[int](3) }
