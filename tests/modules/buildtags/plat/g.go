// +build ignore

package plat

func init() { names = append(names, "plus-build-ignore") }
