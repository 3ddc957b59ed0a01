package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

type Temporary interface {
	error
	Temporary() bool
}

type netErr struct{ code int }

func (n netErr) Error() string   { return fmt.Sprintf("net error %d", n.code) }
func (n netErr) Temporary() bool { return n.code >= 500 }

func lookup(m map[string]int, k string) (int, error) {
	v, ok := m[k]
	if !ok {
		return 0, &NotFound{k}
	}
	return v, nil
}

func check(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	if n > 100 {
		return netErr{n * 5}
	}
	return nil
}

func main() {
	m := map[string]int{"a": 1}
	for _, k := range []string{"a", "b"} {
		v, err := lookup(m, k)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("value:", v)
	}
	for _, n := range []int{5, -1, 101, 50} {
		err := check(n)
		fmt.Printf("%d -> %v\n", n, err)
		if t, ok := err.(Temporary); ok {
			fmt.Println("  temporary:", t.Temporary())
		}
	}
	var e error = &NotFound{"z"}
	fmt.Println(e.Error(), e)
	fmt.Printf("%s|%v|%q\n", e, e, e)
	var nf *NotFound
	fmt.Println(nf == nil)
}
