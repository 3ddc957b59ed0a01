package main

import "fmt"

type Matrix [][]float64

func NewMatrix(r, c int) Matrix {
	m := make(Matrix, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

func Identity(n int) Matrix {
	m := NewMatrix(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	out := NewMatrix(len(a), len(b[0]))
	for i := range a {
		for j := range b[0] {
			var s float64
			for k := range b {
				s += a[i][k] * b[k][j]
			}
			out[i][j] = s
		}
	}
	return out
}

func (a Matrix) Transpose() Matrix {
	out := NewMatrix(len(a[0]), len(a))
	for i := range a {
		for j := range a[i] {
			out[j][i] = a[i][j]
		}
	}
	return out
}

func (a Matrix) Print() {
	for _, row := range a {
		for j, v := range row {
			if j > 0 {
				fmt.Print(" ")
			}
			fmt.Printf("%7.2f", v)
		}
		fmt.Println()
	}
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	c := a.Mul(b)
	c.Print()
	fmt.Println(c)
	a.Transpose().Print()
	fmt.Println(c.Mul(Identity(2)))
	var im [4][4]int
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			im[i][j] = i + j
		}
	}
	var sq [4][4]int
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			for k := 0; k < 4; k++ {
				sq[i][j] += im[i][k] * im[k][j]
			}
		}
	}
	fmt.Println(sq)
	p := Identity(3)
	rot := Matrix{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}
	for i := 0; i < 4; i++ {
		p = p.Mul(rot)
	}
	fmt.Println(p)
}
