// 3-index slice bounds failures use gc's 3-index texts ([::x], [:x:y], [x:y:]); arrays and
// strings say "with length", slices "with capacity" (expectation from Go 1.27.3).
package main

import "fmt"

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	s := make([]int, 2, 3)
	var a [3]int
	i, j, k := 5, 2, 1
	try("s max", func() { _ = s[0:1:i] })
	try("s hi>max", func() { _ = s[0:i:j] })
	try("s lo>hi", func() { _ = s[j:k:3] })
	try("s hi>max2", func() { _ = s[0:i:3] })
	try("a max", func() { _ = a[0:1:i] })
	try("a hi>max", func() { _ = a[0:i:j] })
	try("a lo>hi", func() { _ = a[j:k:3] })
	p := &a
	try("p max", func() { _ = p[0:1:i] })
	try("p lo>hi", func() { _ = p[j:k:3] })
	try("s2 hi", func() { _ = s[0:i] })
	try("a2 hi", func() { _ = a[0:i] })
	try("s2 lohi", func() { _ = s[j:k] })
	str := "abc"
	try("str hi", func() { _ = str[0:i] })
	try("s lo neg", func() { n := -1; _ = s[n:1:2] })
	try("s max neg", func() { n := -1; _ = s[0:1:n] })
	var u uint = 7
	try("s max u", func() { _ = s[0:1:u] })
}
