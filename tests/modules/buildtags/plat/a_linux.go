package plat

func init() { names = append(names, "linux-suffix") }
