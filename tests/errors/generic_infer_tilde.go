// A tilde core type does not infer its type parameter (types2: only a single specific type
// without tilde does). Expected from Go 1.27.3.
package main

func F[S ~[]E, E any](e E) S { return S{e} }

func main() {
	_ = F(1)
}
