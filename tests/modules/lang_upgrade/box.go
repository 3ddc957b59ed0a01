//go:build go1.27

package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Pair[U any](u U) string { return fmt.Sprint(b.v, "/", u) }
