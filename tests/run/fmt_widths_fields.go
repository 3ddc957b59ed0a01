package main

import "fmt"

type Suit int

func (s Suit) String() string { return [...]string{"spades", "hearts"}[s] }

type Exported struct {
	S Suit
	N int
}

type unexported struct {
	s Suit // fmt cannot call methods on unexported fields: prints the raw value
	n int
}

type Mixed struct {
	Pub  Suit
	priv Suit
	List []Suit
	m    map[Suit]int
}

func main() {
	fmt.Printf("[%-7s] [%7s] [%.2s] [%5.1s]\n", "héllo", "日本語", "日本語", "éa")
	fmt.Printf("[%-4q] [%6q] [%x] [% X]\n", "é", "日", "é", "日本")
	fmt.Printf("[%3c] [%-3c] [%c]\n", 'é', '日', 0x1F642)
	fmt.Printf("[%*s] [%-*s]\n", 6, "ab", 6, "cd")
	fmt.Printf("[%8v] [%-8v] [%08d]\n", []int{1, 2}, "x", -42)
	fmt.Printf("[%6.2v] [%10v]\n", 3.14159, true)
	fmt.Println(Exported{1, 2}, unexported{1, 2})
	fmt.Printf("%v %+v\n", Exported{0, 1}, unexported{0, 1})
	fmt.Printf("%v\n", Mixed{1, 1, []Suit{0, 1}, map[Suit]int{1: 5}})
	fmt.Printf("%+v\n", Mixed{Pub: 0, priv: 1})
	fmt.Printf("%d %s\n", Suit(1), Suit(0))
	fmt.Printf("%v %d\n", []Suit{1, 0}, []Suit{1, 0})
	fmt.Printf("%v|%s|%d\n", map[Suit]string{0: "a", 1: "b"}, []string{"é", "ü"}, map[string]int{"z": 1, "a": 2})
	fmt.Printf("%t %v %s\n", false, struct{}{}, []byte(nil))
	fmt.Printf("%3d|%-3d|%x|%X|%o\n", -5, -5, -255, 3054, -8)
	fmt.Printf("%+q %q\n", "日本\t", '\x00')
}
