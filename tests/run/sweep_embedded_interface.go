// A struct embedding an interface has the interface's methods in its method set: calling them
// through another interface (static conversion or a dynamic assertion) dispatches to the embedded
// value. The itab entries were left null (gosweep interface/embed.go). Expected output from Go
// 1.27.3.
package main

import "fmt"

type Inter interface{ M() int64 }
type Namer interface {
	Inter
	Name(prefix string) string
}

type T int64

func (t T) M() int64                 { return int64(t) }
func (t T) Name(prefix string) string { return fmt.Sprint(prefix, int64(t)) }

type S struct{ Inter }
type N struct {
	pad int
	Namer
}
type Deep struct {
	x string
	*N
}

func main() {
	var i Inter = S{T(7)}
	fmt.Println(i.M())
	ps := &S{T(8)}
	i = ps
	fmt.Println(i.M())
	var x interface{} = N{1, T(9)}
	nm := x.(Namer)
	fmt.Println(nm.M(), nm.Name("n"))
	_, ok := x.(Inter)
	fmt.Println(ok)
	d := Deep{"d", &N{2, T(10)}}
	var y interface{} = d
	fmt.Println(y.(Namer).Name("deep"), y.(Inter).M())
	var z interface{} = S{}
	_, ok = z.(Inter)
	fmt.Println("nil embedded still implements:", ok)
}
