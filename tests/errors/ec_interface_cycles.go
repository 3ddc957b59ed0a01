package main

// Declaration cycles through embedded interfaces, each reported once as gc reports it:
// a cycle of named interfaces with types2's cycle listing, an alias in the cycle as
// the defined type referring to itself.

type I1 interface {
	m() I2
	I2
}

type I2 interface {
	I1
}

type A1 = interface {
	A2
}

type A2 interface {
	A1
}

func main() {}
