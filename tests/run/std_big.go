// math/big: Int (factorial, Exp, GCD, ModInverse, ProbablyPrime, SetString in several bases,
// division variants, bit operations), Rat (exact arithmetic, FloatString), Float (precision,
// rounding modes, Sqrt), and their fmt verbs (%d %x %s %v %10d, Formatter/Stringer) — expected
// output from Go 1.27.3's go run.
package main

import (
	"fmt"
	"math/big"
)

func fact(n int64) *big.Int {
	r := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		r.Mul(r, big.NewInt(i))
	}
	return r
}

func main() {
	f := fact(50)
	fmt.Println(f)
	fmt.Println(f.BitLen(), len(f.String()), f.Sign())
	fmt.Printf("%x\n%X\n%o\n%10d|%-10d|\n", fact(20), fact(20), big.NewInt(511), big.NewInt(42), big.NewInt(-42))

	a, ok := new(big.Int).SetString("123456789012345678901234567890", 10)
	b, _ := new(big.Int).SetString("-0x1fffffffffffffffff", 0)
	fmt.Println(a, ok, b)
	_, ok = new(big.Int).SetString("12z", 10)
	fmt.Println(ok)

	q, r := new(big.Int).QuoRem(a, big.NewInt(-7), new(big.Int))
	d, m := new(big.Int).DivMod(a, big.NewInt(-7), new(big.Int))
	fmt.Println(q, r, d, m)
	fmt.Println(new(big.Int).Exp(big.NewInt(2), big.NewInt(200), nil))
	fmt.Println(new(big.Int).Exp(big.NewInt(3), big.NewInt(1000), big.NewInt(1000007)))
	fmt.Println(new(big.Int).GCD(nil, nil, big.NewInt(462), big.NewInt(1071)))
	x, y := new(big.Int), new(big.Int)
	g := new(big.Int).GCD(x, y, big.NewInt(240), big.NewInt(46))
	fmt.Println(g, x, y)
	fmt.Println(new(big.Int).ModInverse(big.NewInt(3), big.NewInt(11)))
	p, _ := new(big.Int).SetString("170141183460469231731687303715884105727", 10)
	fmt.Println(p.ProbablyPrime(20), new(big.Int).Add(p, big.NewInt(2)).ProbablyPrime(20))
	fmt.Println(new(big.Int).Lsh(big.NewInt(1), 100), new(big.Int).Rsh(f, 200), f.Bit(40), new(big.Int).Not(big.NewInt(5)))
	fmt.Println(a.Cmp(b), b.Cmp(a), a.CmpAbs(a), new(big.Int).Abs(b), new(big.Int).Neg(a))
	fmt.Println(new(big.Int).Sqrt(f), f.Text(36), a.Int64(), big.NewInt(99).IsInt64(), a.IsUint64())

	h := big.NewRat(1, 3)
	h.Add(h, big.NewRat(1, 6))
	fmt.Println(h, h.FloatString(5), h.Num(), h.Denom())
	s := new(big.Rat)
	for i := int64(1); i <= 10; i++ {
		s.Add(s, big.NewRat(1, i))
	}
	fmt.Println(s, s.FloatString(20))
	rr, _ := new(big.Rat).SetString("3.14159")
	fmt.Println(rr, new(big.Rat).Mul(rr, big.NewRat(-2, 5)), rr.Cmp(big.NewRat(22, 7)))
	fl, exact := rr.Float64()
	fmt.Println(fl, exact)

	two := new(big.Float).SetPrec(200).SetInt64(2)
	sq := new(big.Float).SetPrec(200).Sqrt(two)
	fmt.Println(sq.Text('g', 50))
	fmt.Printf("%.30f\n", sq)
	fmt.Println(sq.Prec(), sq.MinPrec(), sq.Mode())
	z := new(big.Float).SetMode(big.ToZero).SetPrec(10)
	z.Quo(big.NewFloat(1), big.NewFloat(3))
	fmt.Println(z, z.Text('b', 0), z.Text('p', 0))
	pf, _, err := big.ParseFloat("1e1000", 10, 100, big.ToNearestEven)
	fmt.Println(pf, err)
	i, acc := pf.Int(nil)
	fmt.Println(len(i.String()), acc)
	fmt.Printf("%v %s %8.3f %e\n", big.NewFloat(1.5), big.NewFloat(-0.25), big.NewFloat(3.14159), big.NewFloat(12345.678))
	fmt.Printf("%v %v\n", []*big.Int{big.NewInt(1), big.NewInt(-2)}, map[string]*big.Rat{"h": big.NewRat(3, 6)})
}
