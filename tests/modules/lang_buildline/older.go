//go:build go1.18 && linux

// go1.18 is raised to go1.21 (types2's initFiles): gc then blames -lang, not the build line.

package main

type U struct{}

func (U) Ident[P any](p P) P { return p }
