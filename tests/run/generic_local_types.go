// Types declared in generic function and method bodies are distinct per instance
// (main.box[int]): implicitly generic over the enclosing type parameters. Expected output
// from Go 1.27.3.
package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) any {
	type entry struct {
		v    T
		next *entry
	}
	e := &entry{v: x}
	e.next = &entry{v: x}
	s.items = append(s.items, x)
	return *e.next
}

func Wrap[T any](x T) any {
	type box struct{ v T }
	type named int
	return [2]any{box{x}, named(3)}
}

func isBoxOf[T any](a any) bool {
	type box struct{ v T }
	_, ok := a.(box)
	return ok
}

func main() {
	a, b := Wrap(1), Wrap("s")
	fmt.Printf("%v %v %T %T\n", a, b, a.([2]any)[0], b.([2]any)[1])
	fmt.Println(a.([2]any)[0] == Wrap(1).([2]any)[0], isBoxOf[int](a.([2]any)[0]))
	var s Stack[float64]
	fmt.Printf("%+v\n", s.Push(2.5))
	type local struct{ x int }
	fmt.Printf("%T\n", local{})
}
