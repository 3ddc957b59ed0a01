package main

import (
	"errors"
	"fmt"
)

func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}

func parse(s string) (n int, err error) {
	if s == "" {
		err = errors.New("empty")
		return
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("bad digit %q", c)
		}
		n = n*10 + int(c-'0')
	}
	return
}

func zero() (a int, b string, c []int, d map[string]int, e *int, f bool) { return }

func shadow() (r int) {
	r = 1
	{
		r := 2
		_ = r
	}
	return
}

func counts(s string) (vowels, others int) {
	for _, c := range s {
		switch c {
		case 'a', 'e', 'i', 'o', 'u':
			vowels++
		default:
			others++
		}
	}
	return vowels, others
}

func main() {
	fmt.Println(split(17))
	for _, s := range []string{"123", "", "12x"} {
		n, err := parse(s)
		fmt.Println(n, err)
	}
	a, b, c, d, e, f := zero()
	fmt.Println(a, b == "", c == nil, d == nil, e == nil, f)
	fmt.Println(shadow())
	fmt.Println(counts("programming language"))
}
