package plat

func init() { names = append(names, "test-file") }
