package main

import "fmt"

type Big struct {
	A, B, C, D int64
	E, F       float64
	G          string
	H          [3]int32
	I          bool
}

func many(a, b, c, d, e, f, g, h, i, j, k, l int) int {
	return a + 2*b + 3*c + 4*d + 5*e + 6*f + 7*g + 8*h + 9*i + 10*j + 11*k + 12*l
}

func mixed(a int8, b float64, c uint16, d float64, e string, f int64, g float64, h bool, i float64, j rune, k float64, l float64, m float64) string {
	return fmt.Sprint(a, b, c, d, e, f, g, h, i, j, k, l, m)
}

func results() (int, string, float64, bool, []int, map[string]int, error) {
	return 1, "two", 3.5, true, []int{5}, map[string]int{"six": 6}, nil
}

func passBig(b Big) Big {
	b.A *= 2
	b.G += "!"
	b.H[2] = 99
	b.I = !b.I
	return b
}

func bigPtr(b *Big) { b.E += 0.5 }

func sumRec(n int, acc Big) Big {
	if n == 0 {
		return acc
	}
	acc.A += int64(n)
	acc.F += 0.25
	return sumRec(n-1, acc)
}

func floats(a, b, c, d, e, f, g, h, i, j float64) (float64, float64) {
	return a + b + c + d + e, f * g * h * i * j
}

type Vec3 struct{ X, Y, Z float64 }

func (v Vec3) Add(o Vec3) Vec3      { return Vec3{v.X + o.X, v.Y + o.Y, v.Z + o.Z} }
func (v Vec3) Scale(k float64) Vec3 { return Vec3{v.X * k, v.Y * k, v.Z * k} }
func (v *Vec3) Norm1() float64 {
	s := 0.0
	for _, c := range [3]float64{v.X, v.Y, v.Z} {
		if c < 0 {
			c = -c
		}
		s += c
	}
	return s
}

func main() {
	fmt.Println(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
	fmt.Println(mixed(-1, 1.5, 65535, 2.5, "e", -6, 7.25, true, 9.5, 'j', 11.125, 12, 13))
	fmt.Println(results())
	b := Big{1, 2, 3, 4, 5.5, 6.5, "g", [3]int32{7, 8, 9}, false}
	c := passBig(b)
	fmt.Println(b)
	fmt.Println(c)
	bigPtr(&c)
	fmt.Printf("%+v\n", c)
	fmt.Println(sumRec(1000, Big{}))
	fmt.Println(floats(1, 2, 3, 4, 5, 1, 2, 3, 4, 5))
	v := Vec3{1, -2, 3}.Add(Vec3{0.5, 0.5, 0.5}).Scale(2)
	fmt.Println(v, v.Norm1())
	closure := func(a, b, c, d, e, f, g, h int, s string, x float64) string {
		return fmt.Sprint(a+b+c+d+e+f+g+h, s, x)
	}
	fmt.Println(closure(1, 1, 1, 1, 1, 1, 1, 1, "s", 0.5))
	bigs := make([]Big, 3)
	for i := range bigs {
		bigs[i] = passBig(Big{A: int64(i), G: fmt.Sprint(i)})
	}
	fmt.Println(bigs)
	mb := map[string]Big{"k": b}
	fmt.Println(mb["k"].H, mb["missing"].G == "")
	var iface interface{} = c
	back := iface.(Big)
	fmt.Println(back == c, back.H)
}
