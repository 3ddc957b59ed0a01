package main

// Go identifiers are letters (Lu, Ll, Lt, Lm, Lo) and decimal digits (Nd): `Ⅻ` and `〇` (Nl) and
// `²` (No) are not, although Rust's is_alphabetic/is_numeric accept them (issue 8 §5).
func main() {
	var Ⅻ int
	x² := 1
	var ǅ, ʰ, a١ = 1, 2, 3
	_, _, _, _, _ = Ⅻ, x², ǅ, ʰ, a١
	y〇 := 2
	_ = y〇
}
