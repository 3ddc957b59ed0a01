// Package zlib sorts last by import path but is a dependency of alpha and beta, so it
// initialises before both.
package zlib

import "example.com/initorder_diamond/internal/reg"

var Seq = reg.Add("zlib.Seq")

var Table = build()

func build() map[string]int {
	reg.Add("zlib.build")
	return map[string]int{"one": 1, "two": 2}
}

func init() { reg.Add("zlib.init") }

type Item struct{ n int }

func (i Item) label() string { return "zlib.label" }
func (i Item) Label() string { return i.label() }
func NewItem(n int) Item     { return Item{n} }
