// Nil-check elimination (src/lower/prove.rs): a second dereference of the same pointer after a
// checked one needs no check; a check on a path the first does not dominate, or of a pointer
// reassigned in between, must stay. Expected output from Go 1.27.3.
package main

import "fmt"

type node struct {
	v    int
	next *node
}

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func sum2(n *node) int { return n.v + n.next.v + n.v }

func branchy(n *node, deref bool) int {
	t := 0
	if deref {
		t += n.v
	}
	return t + n.v
}

func walk(n *node) int {
	t := 0
	for ; ; n = n.next {
		t += n.v
		if t > 100 {
			return t
		}
	}
}

func main() {
	a := &node{v: 1, next: &node{v: 2}}
	fmt.Println(sum2(a))
	try("next-nil", func() { fmt.Println(sum2(&node{v: 3})) })
	try("nil", func() { fmt.Println(sum2(nil)) })
	// the first dereference is conditional: the second still checks
	try("branchy", func() { fmt.Println(branchy(nil, false)) })
	// the pointer changes every iteration: each dereference checks
	try("walk", func() { fmt.Println(walk(a)) })
	b := a
	b.next.next = b
	fmt.Println(walk(a))
}
