package plat

func init() { names = append(names, "linux-amd64-suffix") }
