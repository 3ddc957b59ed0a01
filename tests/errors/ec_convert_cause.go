package main

// A failed conversion to an interface type says why the operand does not implement it
// (types2's convertibleTo cause).

type I interface{ M(int) }

type T struct{}

type P struct{}

func (*P) M(int) {}

func main() {
	_ = I(new(T))
	_ = I(P{})
	_ = I(3)
}
