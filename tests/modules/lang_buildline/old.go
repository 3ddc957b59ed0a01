//go:build go1.26 && linux

package main

type T struct{}

func (T) Ident[P any](p P) P { return p }
