// Generic types declared inside (non-generic) function bodies: each declaration is its own
// generic type, instantiated like a package-level one, printed as gc prints it (main.Pair[int]),
// and two declarations of the same name are different types.
// Expected output from Go 1.27.3 (go run).
package main

import (
	"fmt"
	"reflect"
)

type Number interface{ ~int | ~float64 }

func Sum[T Number](xs ...T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

func one() any { type T[_ any] int; return T[int](1) }
func two() any { type T[_ any] int; return T[int](1) }

func main() {
	type Pair[K comparable, V any] struct {
		Key K
		Val V
	}
	type List[T any] struct {
		head T
		next *List[T]
	}
	type Num[T Number] []T

	p := Pair[string, int]{"a", 1}
	q := Pair[string, int]{Key: "a", Val: 1}
	fmt.Println(p == q, p)
	fmt.Printf("%T %v %+v\n", p, p, Pair[int, []string]{2, []string{"x"}})
	l := &List[float64]{1.5, &List[float64]{2.5, nil}}
	fmt.Println(l.head+l.next.head, reflect.TypeOf(l))
	n := Num[int]{1, 2, 3}
	fmt.Println(Sum(n...), len(n))
	fmt.Printf("%T\n", n)
	a, b := one(), two()
	fmt.Println(a == b, a == one(), reflect.TypeOf(a) == reflect.TypeOf(b), reflect.TypeOf(a))
	m := map[Pair[int, int]]string{{1, 2}: "x"}
	fmt.Println(m[Pair[int, int]{1, 2}], len(m))
	var x any = p
	switch v := x.(type) {
	case Pair[string, string]:
		fmt.Println("ss", v)
	case Pair[string, int]:
		fmt.Println("si", v.Val)
	}
}
