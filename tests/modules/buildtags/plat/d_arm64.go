package plat

func init() { names = append(names, "arm64-suffix") }
