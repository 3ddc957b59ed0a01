package main

// No follow-on errors for types whose declaration failed (composite literals, selectors) nor
// for the variable of a type-switch clause whose lone case type is invalid (types2).

type S struct {
	err foo
	Num int
}

type T struct{ T }

func main() {
	s := S{}
	_ = s.Num
	_ = s.nonesuch
	_ = T{} == T{}
	var x interface{}
	switch t := x.(type) {
	case 0:
		t.x = 1
	}
}
