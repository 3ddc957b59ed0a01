// Slicing a type parameter whose type set mixes string and []byte (types2's core string:
// the result has the type parameter's type), as internal/bytealg does; indexing and len too.
// Expected output from Go 1.27.3.
package main

import "fmt"

type myBytes []byte

func Index[T string | []byte](s, sep T) int {
	n := len(sep)
	for i := 0; i+n <= len(s); i++ {
		if string(s[i:i+n]) == string(sep) {
			return i
		}
	}
	return -1
}

func Sum[T []byte | myBytes](s T) (int, int) {
	t := 0
	c := 0
	for i, b := range s {
		t += int(b)
		c += i
	}
	return t, c
}

func Tail[T ~string | ~[]byte](s T) T {
	if len(s) == 0 {
		return s
	}
	return s[1:]
}

func Head[T string | []byte](s T) byte { return s[0] }

func main() {
	fmt.Println(Index("hello world", "wor"), Index([]byte("abcabc"), []byte("ca")))
	fmt.Println(Sum([]byte("xy")))
	fmt.Println(Sum([]byte("héllo")))
	fmt.Println(Sum(myBytes("ab")))
	fmt.Println(Tail("xyz"), string(Tail([]byte("pqr"))), Tail(myBytes("ab")))
	fmt.Println(Head("A"), Head([]byte{7}))
	fmt.Printf("%T %T\n", Tail("a"), Tail(myBytes("ab")))
}
