package main

import "fmt"

func seq(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("seq done", n)
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func pairs(yield func(string, int) bool) {
	_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
}

func find(x int) (int, bool) {
	for i := range seq(10) {
		if i == x {
			return i * 10, true
		}
	}
	return -1, false
}

func nested() string {
outer:
	for i := range seq(3) {
		for j := range seq(3) {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			fmt.Println("ij", i, j)
		}
	}
	for k, v := range pairs {
		fmt.Println(k, v)
		if v == 2 {
			goto done
		}
	}
done:
	for range seq(2) {
		for range seq(2) {
			return "ret from nested"
		}
	}
	return "no"
}

func defers() (r int) {
	defer fmt.Println("outer defer")
	for i := range seq(3) {
		defer fmt.Println("body defer", i)
		r += i
	}
	fmt.Println("after loop")
	return
}

func recovers() (res string) {
	defer func() {
		if e := recover(); e != nil {
			res = fmt.Sprint("recovered ", e)
		}
	}()
	for i := range seq(5) {
		defer fmt.Println("d", i)
		if i == 2 {
			panic("boom")
		}
	}
	return "none"
}

func main() {
	fmt.Println(find(3))
	fmt.Println(find(20))
	fmt.Println(nested())
	fmt.Println(defers())
	fmt.Println(recovers())
	var k string
	var v int
	for k, v = range pairs {
	}
	fmt.Println(k, v)
	sum := 0
	for x := range seq(4) {
		f := func() { sum += x }
		f()
	}
	fmt.Println(sum)
}
