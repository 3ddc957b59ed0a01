package main

// `fallthrough` under labels keeps the errors of its place: type switch, final case, nested block
// (types2's messages; expectation from Go 1.27.3).

func main() {
	var x any = 1
	switch x.(type) {
	case int:
	l1:
		fallthrough
	default:
	}
	switch {
	case true:
	l2:
		fallthrough
	}
	switch {
	case true:
		{
		l3:
			fallthrough
		}
	default:
	}
}
