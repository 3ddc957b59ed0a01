// Shifts of untyped complex constants representable as integers (shift3.go without math) and
// append(f()) with a multi-valued f (fixedbugs/issue5793.go). Expected output from Go 1.27.3.
package main

import "fmt"

func f(x, y int) {
	if x != y {
		panic(fmt.Sprint(x, y))
	}
}

func appendArgs() ([]string, string) { return []string{"foo"}, "bar" }

func appendMultiArgs() ([]byte, byte, byte) { return []byte{'a', 'b'}, '1', '2' }

type R rune

func appendConv() ([]any, int, R) { return nil, 1, 'x' }

func main() {
	var x int = 1
	f(x<<(1+0i), 2)
	f(x<<0i, 1)
	f(x<<((1+0i)<<x), 4)
	f(x<<(0i<<x), 1)
	var y int64 = (2.0 + 0i) << x
	fmt.Println(x<<(1+0i), y)
	s := append(appendArgs())
	b := append(appendMultiArgs())
	fmt.Println(s, len(s), string(b), append(appendConv()))
}
