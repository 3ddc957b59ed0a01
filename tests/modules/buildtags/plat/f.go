// Copyright notice.

//go:build linux && (amd64 || arm64) && go1.21

package plat

func init() { names = append(names, "go-build-expr") }
