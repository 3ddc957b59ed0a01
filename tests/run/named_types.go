package main

import (
	"fmt"
	"strings"
)

type Set map[string]bool

func (s Set) Add(k string)      { s[k] = true }
func (s Set) Has(k string) bool { return s[k] }
func (s Set) Keys() []string {
	var ks []string
	for k := range s {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

func (l *IntList) Append(v ...int) { *l = append(*l, v...) }

type Predicate func(int) bool

func (p Predicate) Not() Predicate { return func(x int) bool { return !p(x) } }

type Celsius float64
type Meters int

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type Grid [2][2]int

func (g Grid) Transposed() Grid { return Grid{{g[0][0], g[1][0]}, {g[0][1], g[1][1]}} }

type Str string

func (s Str) Shout() Str { return Str(strings.ToUpper(string(s)) + "!") }

type Bits uint8

func (b Bits) Has(f Bits) bool { return b&f != 0 }

const (
	Read Bits = 1 << iota
	Write
	Exec
)

func main() {
	s := Set{}
	s.Add("b")
	s.Add("a")
	fmt.Println(s.Has("a"), s.Has("z"), s.Keys(), len(s), s)
	var l IntList
	l.Append(1, 2, 3)
	l.Append()
	fmt.Println(l, l.Sum(), len(l))
	even := Predicate(func(x int) bool { return x%2 == 0 })
	odd := even.Not()
	fmt.Println(even(4), odd(4), odd(5))
	fmt.Println(Celsius(100).F(), Celsius(-40).F())
	var m Meters = 5
	m += 3
	fmt.Println(m*2, m/3, int(m)%3)
	fmt.Printf("%v %T\n", m, m)
	g := Grid{{1, 2}, {3, 4}}
	fmt.Println(g.Transposed(), g)
	fmt.Println(Str("hey").Shout().Shout())
	perm := Read | Exec
	fmt.Println(perm.Has(Read), perm.Has(Write), perm, Bits(255)&^perm)
	type local struct{ v int }
	ls := []local{{1}, {2}}
	fmt.Printf("%v %T\n", ls, ls)
}
