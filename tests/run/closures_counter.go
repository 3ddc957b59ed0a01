package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func pair() (func(), func() int) {
	x := 0
	return func() { x += 10 }, func() int { return x }
}

func adder(base int) func(int) int {
	return func(d int) int {
		base += d
		return base
	}
}

func compose(f, g func(int) int) func(int) int {
	return func(x int) int { return f(g(x)) }
}

func memo() func(int) int {
	cache := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := cache[n]; ok {
			return v
		}
		v := fib(n-1) + fib(n-2)
		cache[n] = v
		return v
	}
	return fib
}

func main() {
	c1 := counter()
	c2 := counter()
	fmt.Println(c1(), c1(), c1(), c2())
	inc, get := pair()
	inc()
	inc()
	fmt.Println(get())
	a := adder(100)
	a(1)
	fmt.Println(a(2))
	double := func(x int) int { return x * 2 }
	plus3 := func(x int) int { return x + 3 }
	fmt.Println(compose(double, plus3)(4), compose(plus3, double)(4))
	fmt.Println(memo()(80))
	x := 1
	set := func(v int) { x = v }
	set(42)
	fmt.Println(x)
	ptr := &x
	func() { *ptr++ }()
	fmt.Println(x)
	total := 0
	for _, v := range []int{1, 2, 3} {
		func() { total += v }()
	}
	fmt.Println(total)
	fmt.Println(func(a, b int) int { return a * b }(6, 7))
	var fnil func()
	fmt.Println(fnil == nil, c1 != nil)
}
