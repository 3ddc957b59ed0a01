// Assignability through type sets (types2): a type parameter to an unnamed type when every term
// is assignable, an unnamed value to a type parameter likewise; append([]byte, s...) with s of
// a type parameter whose terms are strings and byte slices. Expected output from Go 1.27.3.
package main

import "fmt"

type MyBytes []byte
type MyString string

func F[T interface{ []byte | MyBytes }](t T) []byte { return t }

func G[T ~[]int](n int) T {
	var s []int = make([]int, n)
	var t T = s
	return t
}

func explodes(b []byte) int { return len(b) }

func H[T interface{ []byte }]() int {
	var t T
	return explodes(t)
}

func add[S ~string | ~[]byte](buf *[]byte, s S) {
	*buf = append(*buf, s...)
}

func main() {
	fmt.Println(F(MyBytes("ab")), F([]byte{1}))
	fmt.Printf("%T %v %d\n", G[[]int](2), G[[]int](3), H[[]byte]())
	var buf []byte
	add(&buf, "foo")
	add(&buf, []byte("bar"))
	add(&buf, MyString("-baz"))
	add(&buf, MyBytes("!"))
	fmt.Println(string(buf))
}
