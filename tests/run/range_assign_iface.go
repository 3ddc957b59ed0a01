// `for k, v = range x` assigning to interface-typed variables converts the key and value to the
// target's type (gojit stored the raw index word: a nil or corrupt interface). Expected output
// from Go 1.27.3's go run.
package main

import "fmt"

type V int

func (V) M() int { return 0 }

type iface interface{ M() int }

func zero[T any]() (z T) { return }

func RangeArrayIface[T iface]() (k any, v iface) {
	for k, v = range [...]T{zero[T]()} {
	}
	return
}

func main() {
	var k1, v1 any
	for k1, v1 = range [2]int{3, 4} {
	}
	fmt.Println(k1, v1)
	var k2, v2 any
	for k2, v2 = range []string{"a", "b"} {
	}
	fmt.Println(k2, v2)
	var k3, v3 any
	for k3, v3 = range "hé" {
	}
	fmt.Println(k3, v3)
	var k4 any
	for k4 = range 3 {
	}
	fmt.Println(k4)
	var k5 any
	var n int64 = 2
	for k5 = range n {
	}
	fmt.Printf("%v %T\n", k5, k5)
	var k6, v6 any
	for k6, v6 = range map[string]V{"x": 7} {
	}
	fmt.Println(k6, v6)
	var c any
	ch := make(chan V, 1)
	ch <- 9
	close(ch)
	for c = range ch {
	}
	fmt.Printf("%v %T\n", c, c)
	k, v := RangeArrayIface[V]()
	fmt.Printf("%v %T %v %T\n", k, k, v, v)
}
