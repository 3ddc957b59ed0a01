// +build linux,amd64 windows

package plat

func init() { names = append(names, "plus-build-linux") }
