//go:build cgo

package plat

func init() { names = append(names, "cgo") }
