// Package p has an unexported field and method that main cannot name.
package p

type S struct {
	x int
	Y int
}

func (S) get() int { return 1 }
