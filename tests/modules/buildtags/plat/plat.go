package plat

var names []string

func Names() []string { return names }
