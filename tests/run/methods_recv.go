package main

import "fmt"

type Counter struct {
	name string
	n    int
}

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }
func (c Counter) IncCopy() { c.n++ }
func (c *Counter) Add(k int) *Counter {
	c.n += k
	return c
}

type MyInt int

func (m MyInt) Double() MyInt { return m * 2 }
func (m *MyInt) Set(v int)    { *m = MyInt(v) }

type Path []string

func (p Path) String() string {
	s := ""
	for i, e := range p {
		if i > 0 {
			s += "/"
		}
		s += e
	}
	return s
}

func (p *Path) Push(e string) { *p = append(*p, e) }

func main() {
	c := Counter{name: "c"}
	c.Inc()
	c.Inc()
	c.IncCopy()
	fmt.Println(c.Get(), c.n)
	c.Add(3).Add(4)
	fmt.Println(c.Get())
	pc := &c
	pc.Inc()
	fmt.Println(pc.Get(), c.n)
	var m MyInt = 21
	fmt.Println(m.Double(), m.Double().Double())
	m.Set(5)
	fmt.Println(m)
	var p Path
	p.Push("usr")
	p.Push("local")
	p.Push("bin")
	fmt.Println(p.String(), len(p))
	fmt.Println(p)
	cs := []Counter{{"a", 1}, {"b", 2}}
	cs[0].Inc()
	for i := range cs {
		cs[i].Add(10)
	}
	fmt.Println(cs[0].n, cs[1].n)
	mp := map[string]*Counter{"x": {"x", 0}}
	mp["x"].Inc()
	fmt.Println(mp["x"].Get())
}
