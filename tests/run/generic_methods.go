// Generic methods (Go 1.27): type parameters on methods of ordinary and generic types,
// explicit and inferred instantiation, method values and expressions (also instantiated by
// the assignment context), promotion through embedding, constraints mentioning the receiver's
// type parameters, calls from generic code, defer/recover inside an instance, and the names gc
// gives instances (runtime.FuncForPC, %T). Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"runtime"
	"strconv"
)

type T struct{ n int }

func (t T) Conv[P any](x P) P { return x }

func (t *T) Add[N ~int | ~int64 | ~float64](x N) N {
	t.n++
	return x + N(t.n)
}

func (T) Pair[A, B any](a A, b B) string { return fmt.Sprintf("%v/%T %v/%T", a, a, b, b) }

func here() string {
	pc, _, _, _ := runtime.Caller(1)
	return runtime.FuncForPC(pc).Name()
}

func (t *T) Where[P any]() string { return here() }

type List[E any] []E

func (l List[E]) Map[F any](m func(E) F) (r List[F]) {
	for _, x := range l {
		r = append(r, m(x))
	}
	return
}

func (l List[E]) Fold[A any](acc A, f func(A, E) A) A {
	for _, x := range l {
		acc = f(acc, x)
	}
	return acc
}

func (l *List[E]) Where[F any]() string { return here() }

type G[F any] struct{ f F }

type Celsius float64

func (c Celsius) convert(x float64) Celsius { return c + Celsius(x) }

// the method's constraint mentions the receiver's type parameter
func (g G[F]) Ptr[P ~*F](p P) F { return *p }

func (g G[F]) To[H interface{ convert(F) H }](h H) H { return h.convert(g.f) }

// a sibling method calling a generic method
func (g G[F]) Self() F {
	f := g.f
	return g.Ptr(&f)
}

// a generic function calling a generic method
func Use[A any](g G[A]) A {
	var a A = g.f
	return g.Ptr[*A](&a)
}

type Outer struct {
	T
	label string
}

// defer and recover inside an instance
func (t T) Safe[P any](f func() P) (r P, err error) {
	defer func() {
		if x := recover(); x != nil {
			err = fmt.Errorf("recovered in %s: %v", here(), x)
		}
	}()
	return f(), nil
}

type Num interface{ ~int | ~float64 }

func (l List[E]) Sum[N Num](f func(E) N) (s N) {
	for _, x := range l {
		s += f(x)
	}
	return
}

func main() {
	var t T
	fmt.Println(t.Conv(3), t.Conv[string]("s"), t.Conv(2.5), t.Conv('x'))
	fmt.Println(t.Add(1), t.Add[int64](10), t.Add(0.5), t.n)
	fmt.Println(t.Pair(1, "a"), t.Pair[uint8, bool](7, true))
	fmt.Println(t.Where[int](), (&t).Where[List[string]]())

	// method values and expressions, explicit and from the assignment context
	f := t.Conv[float64]
	var g func(string) string = t.Conv
	h := T.Conv[int]
	var k func(*T, int) int = (*T).Add
	add := t.Add[float64]
	fmt.Printf("%T %v | %T %v | %T %v | %T %v | %v\n", f, f(1.5), g, g("g"), h, h(t, 4), k, k(&t, 5), add(0.25))

	// receivers that are complex expressions; promotion through embedding
	var a [3]T
	m := map[string][]Outer{"x": {{T{1}, "o"}}}
	fmt.Println(a[1].Conv(9), m["x"][0].T.Conv[float32](1.25), m["x"][0].Conv("promoted"), m["x"][0].Pair(m["x"][0].label, 0))

	l := List[string]{"go", "gojit", "cranelift"}
	lens := l.Map(func(s string) int { return len(s) })
	fmt.Printf("%T %v\n", lens, lens)
	strs := lens.Map(strconv.Itoa).Map(func(s string) []byte { return []byte(s) })
	fmt.Printf("%T %q\n", strs, strs)
	fmt.Println(l.Fold("", func(acc string, s string) string { return acc + s[:1] }), lens.Fold(0.5, func(acc float64, n int) float64 { return acc * float64(n) }))
	fmt.Println(l.Where[int](), lens.Where[map[string]bool]())
	fmt.Println(lens.Sum(func(n int) float64 { return float64(n) / 2 }), l.Sum[int](func(s string) int { return len(s) }))
	mapper := List[int].Map[string]
	fmt.Println(mapper(lens, func(n int) string { return fmt.Sprint(n * n) }))

	gi := G[int]{f: 42}
	x := 7
	fmt.Println(gi.Ptr(&x), gi.Ptr[*int](&x), gi.Self(), Use(G[string]{f: "use"}), Use(gi))
	gf := G[float64]{f: 1.5}
	fmt.Println(gf.To(Celsius(20)), gf.To[Celsius](-1.5))
	ptr := G[int].Ptr[*int]
	fmt.Printf("%T %v\n", ptr, ptr(gi, &x))

	r, err := t.Safe(func() int { return 1 })
	fmt.Println(r, err)
	s, err := t.Safe(func() string { var p *T; return strconv.Itoa(p.n) })
	fmt.Printf("%q %v\n", s, err)
	fmt.Println(here(), func() string { return here() }())
}
