//go:build !purego && amd64

package plat

func init() { names = append(names, "assembly-path") }
