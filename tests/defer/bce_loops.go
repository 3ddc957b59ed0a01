// Bounds-check elimination edge cases (src/lower/prove.rs): loops whose s[i] checks are removed
// compute the same results, and every check that must stay still panics as gc's does.
// Expected output from Go 1.27.3.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

func sumRange(s []int) int {
	t := 0
	for i := range s {
		t += s[i] * i
	}
	return t
}

func sumFor(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		s[i]++
		t += s[i]
	}
	return t
}

func bytesOf(str string) int {
	t := 0
	for i := range str {
		t += int(str[i])
	}
	for i := 0; i < len(str); i++ {
		t -= int(str[i])
	}
	return t
}

type grid [4][3]int

func arrays() int {
	var g grid
	for i := range g {
		for j := range g[i] {
			g[i][j] = i*10 + j
		}
	}
	p := &g
	t := 0
	for i := range p {
		t += p[i][2] + g[i][0]
	}
	var small [2]int
	small[0], small[1] = 5, 6
	return t + small[1]
}

func main() {
	s := []int{1, 2, 3, 4, 5}
	fmt.Println(sumRange(s), sumFor(s), s)
	fmt.Println(bytesOf("héllo, 世界"))
	fmt.Println(arrays())

	// the index is changed in the body: the check stays
	try("index-modified", func() {
		s := []int{1, 2, 3}
		for i := range s {
			i += 2
			fmt.Println(s[i])
		}
	})
	// the slice is shortened in the body: the check stays
	try("slice-shortened", func() {
		s := []int{1, 2, 3, 4}
		for i := range s {
			fmt.Println(s[i])
			s = s[:1]
		}
	})
	// the 3-clause loop's slice is reassigned in the body
	try("for-slice-reassigned", func() {
		s := []int{1, 2, 3}
		for i := 0; i < len(s); i++ {
			t := s
			s = s[:i]
			fmt.Println(t[i], len(s))
			s = t[:len(t)-1]
		}
	})
	// a different slice indexed by the range key
	try("other-slice", func() {
		a, b := []int{1, 2, 3}, []int{7}
		for i := range a {
			fmt.Println(a[i] + b[i])
		}
	})
	// i <= len(s) is not i < len(s)
	try("le-len", func() {
		s := []int{1, 2}
		for i := 0; i <= len(s); i++ {
			fmt.Println(s[i])
		}
	})
	// a negative start
	try("negative-start", func() {
		s := []int{1, 2}
		for i := -1; i < len(s); i++ {
			fmt.Println(s[i])
		}
	})
	// the index is changed through a closure (captured: the check stays)
	try("closure-modifies", func() {
		s := []int{1, 2, 3}
		for i := 0; i < len(s); i++ {
			bump := func() { i += 5 }
			bump()
			fmt.Println(s[i])
		}
	})
	// the index's address is taken
	try("address-taken", func() {
		s := []int{1, 2, 3}
		for i := range s {
			p := &i
			*p = 9
			fmt.Println(s[i])
		}
	})
	// range over an array, index into a shorter array
	try("shorter-array", func() {
		var a [4]int
		var b [2]int
		for i := range a {
			fmt.Println(b[i])
		}
	})
	// range over a nil *array: the index still needs its nil check
	try("nil-array-ptr", func() {
		var p *[3]int
		for i := range p {
			fmt.Println(p[i])
		}
	})
	// the range key redeclared by := in the body's own scope is a different variable
	try("shadowed", func() {
		s := []int{1, 2}
		for i := range s {
			i := i + 1
			fmt.Println(s[i])
		}
	})
	// the key reassigned in a nested select/switch
	try("nested-assign", func() {
		s := []int{1, 2, 3}
		for i := range s {
			switch {
			case i == 1:
				if true {
					i = 7
				}
			}
			fmt.Println(s[i])
		}
	})
	// a string reassigned mid-loop
	try("string-shortened", func() {
		str := "abcdef"
		for i := 0; i < len(str); i++ {
			fmt.Println(str[i])
			str = str[:2]
		}
	})
}
