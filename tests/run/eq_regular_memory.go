package main

// == on plain-memory values (no floats, strings, interfaces, padding or blank fields) is one
// memequal of their bytes, as gc's; the other aggregates still compare field by field. Both must
// give the same answers: differences in the last byte, in padding-free structs, arrays of structs,
// values inside interfaces, and non-plain types next to them (floats: NaN != NaN, -0 == +0;
// padding and blank fields ignored).

type Big [1 << 20]byte

type Rec struct {
	A int64
	B [7]int32
	C uint16
	D [6]byte
}

type Padded struct {
	A int8
	B int64
	C [20]int32
}

type Blank struct {
	A [20]int64
	_ [8]byte
	B int32
}

func main() {
	a, b := new(Big), new(Big)
	println(*a == *b)
	b[len(b)-1] = 1
	println(*a == *b, *a != *b)
	a[len(a)-1] = 1
	println(*a == *b)

	r1 := Rec{A: 1, C: 2}
	r2 := r1
	println(r1 == r2)
	r2.D[5] = 9
	println(r1 == r2)
	rs1, rs2 := [50]Rec{}, [50]Rec{}
	rs2[49].B[6] = -1
	println(rs1 == rs2)
	rs1[49].B[6] = -1
	println(rs1 == rs2)

	var x, y interface{} = *a, *b
	println(x == y)
	b[0] = 7
	y = *b
	println(x == y)

	var p1, p2 Padded
	p1.C[19], p2.C[19] = 3, 3
	println(p1 == p2)
	p2.A = 1
	println(p1 == p2)

	var k1, k2 Blank
	k1.A[19], k2.A[19] = 5, 5
	println(k1 == k2)
	k2.B = 1
	println(k1 == k2)

	var f1, f2 [40]float64
	zero := 0.0
	f1[39], f2[39] = zero, -zero
	println(f1 == f2)
	f1[0], f2[0] = zero/zero, zero/zero
	println(f1 == f2)

	var i1, i2 [30]interface{}
	println(i1 == i2)
	i1[29], i2[29] = [100]int{99: 1}, [100]int{99: 1}
	println(i1 == i2)
	i2[29] = [100]int{99: 2}
	println(i1 == i2)
}
