// The builtins copy, delete, print and println accept a multi-valued call as their arguments
// (copy(f()), delete(h()), println(g())); gojit rejected them (gosweep fixedbugs/issue15992.go,
// issue35576.go). print/println write to stderr. Expected output from Go 1.27.3.
package main

import "fmt"

func f(a []byte) ([]byte, []byte) { return a, []byte("abc") }
func g(a []byte) ([]byte, string) { return a, "xy" }
func h(m map[string]int) (map[string]int, string) { return m, "b" }

type key interface{}

func hk(m map[key]int) (map[key]int, string) { return m, "k" }
func three() (int16, string, bool) { return -42, "x", true }

func main() {
	a := []byte{1, 2, 3}
	n := copy(f(a))
	fmt.Println(n, a)
	b := []byte{1, 2, 3}
	n = copy(g(b))
	fmt.Println(n, b)
	m := map[string]int{"a": 1, "b": 2}
	delete(h(m))
	fmt.Println(m)
	mk := map[key]int{"k": 1, 2: 2}
	delete(hk(mk))
	fmt.Println(len(mk))
	print(three())
	print("\n")
	println(three())
}
