package plat

func init() { names = append(names, "windows-suffix") }
