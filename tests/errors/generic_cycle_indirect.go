// An instantiation cycle through two generic functions, the type arguments inferred: G[T] calls
// H[*T], which calls G[U]. types2 lists each step at the call's parenthesis. Expected diagnostics
// from Go 1.27.3.
package main

func G[T any](x T, n int) {
	if n > 0 {
		H(&x, n-1)
	}
}

func H[U any](u U, n int) { G(u, n) }

func main() { G(1, 2) }
