// len and cap of type parameters check every term of the type set and are never constants (types2); expected output from Go 1.27.3.
package main

import "fmt"

type A5 [5]int

func f[T ~[5]int](x T) int { return len(x) + cap(x) }

func g[T ~[3]byte | ~*[7]byte | ~[]byte | chan int](x T) int { return cap(x) }

func main() {
	fmt.Println(f(A5{}), f([5]int{}), g([3]byte{}), g(&[7]byte{}), g(make([]byte, 2, 9)), g(make(chan int, 4)))
}
