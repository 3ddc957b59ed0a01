package main

import "fmt"

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type Point struct{ X, Y int }

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Vec struct{ P *Point }

type Suit int

func (s Suit) String() string { return [...]string{"♠", "♥", "♦", "♣"}[s] }

type Card struct {
	Rank int
	Suit Suit
}

type PtrStr struct{ n int }

func (p *PtrStr) String() string { return fmt.Sprint("PtrStr#", p.n) }

func main() {
	t := Temp(21.55)
	fmt.Println(t)
	fmt.Printf("%v %s %d\n", t, t, Point{1, 2})
	p := Point{3, 4}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v\n", p, p)
	fmt.Println([]Point{{1, 1}, {2, 2}})
	fmt.Println(map[string]Point{"o": {}})
	fmt.Println(Card{10, 1}, []Suit{0, 3})
	fmt.Printf("%v %+v\n", Card{5, 2}, Card{5, 2})
	ps := PtrStr{9}
	fmt.Println(ps, &ps)
	s := fmt.Sprint(t, " and ", p)
	fmt.Println(s)
	var st fmt.Stringer = p
	fmt.Println(st.String())
	fmt.Printf("%10v|%-10v|\n", p, t)
}
