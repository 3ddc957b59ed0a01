package main

// A pointer to an interface has no methods (types2's missingMethod), also as an assignment
// target's cause; a non-constant shift converted to string makes its operand a string;
// errors in an implicitly repeated constant initializer are reported at the constant's name.

type Inst interface {
	Next() *Inst
}

type Start struct{}

func (s *Start) Next() *Inst { return nil }

func AddInst(Inst) *Inst { return nil }

const (
	ok = byte(iota + 254)
	bad
	worse
)

func main() {
	var _ Inst = AddInst(new(Start))
	var _ *Inst = new(Start)
	s := uint(3)
	_ = string(1 << s)
	_ = float64(1 << s)
}
