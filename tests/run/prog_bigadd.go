package main

import "fmt"

// Arbitrary-precision unsigned decimal arithmetic on digit slices (little endian).

type Big []uint8

func FromString(s string) Big {
	b := make(Big, len(s))
	for i := range s {
		b[len(s)-1-i] = s[i] - '0'
	}
	return b.trim()
}

func (b Big) trim() Big {
	for len(b) > 1 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

func (b Big) String() string {
	out := make([]byte, len(b))
	for i, d := range b {
		out[len(b)-1-i] = '0' + d
	}
	return string(out)
}

func Add(a, b Big) Big {
	var out Big
	carry := uint8(0)
	for i := 0; i < len(a) || i < len(b) || carry > 0; i++ {
		s := carry
		if i < len(a) {
			s += a[i]
		}
		if i < len(b) {
			s += b[i]
		}
		out = append(out, s%10)
		carry = s / 10
	}
	return out
}

func MulSmall(a Big, m int) Big {
	var out Big
	carry := 0
	for _, d := range a {
		p := int(d)*m + carry
		out = append(out, uint8(p%10))
		carry = p / 10
	}
	for carry > 0 {
		out = append(out, uint8(carry%10))
		carry /= 10
	}
	return out.trim()
}

func main() {
	a := FromString("99999999999999999999")
	b := FromString("1")
	fmt.Println(Add(a, b))
	f := FromString("1")
	for i := 2; i <= 30; i++ {
		f = MulSmall(f, i)
	}
	fmt.Println("30! =", f)
	x, y := FromString("0"), FromString("1")
	for i := 0; i < 100; i++ {
		x, y = y, Add(x, y)
	}
	fmt.Println("fib(100) =", x)
	fmt.Println(FromString("000"), MulSmall(FromString("12"), 0))
}
