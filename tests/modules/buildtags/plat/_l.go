package plat

func init() { names = append(names, "underscore") }
