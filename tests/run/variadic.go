package main

import "fmt"

func sum(nums ...int) int {
	t := 0
	for _, n := range nums {
		t += n
	}
	return t
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func count(xs ...interface{}) int { return len(xs) }

func info(nums ...int) {
	fmt.Println(len(nums), cap(nums) >= len(nums), nums == nil, nums)
}

func modify(xs ...int) {
	if len(xs) > 0 {
		xs[0] = 999
	}
}

func main() {
	fmt.Println(sum(), sum(1), sum(1, 2, 3))
	s := []int{4, 5, 6}
	fmt.Println(sum(s...))
	fmt.Println(join(", ", "a", "b", "c"), join("-"))
	parts := []string{"x", "y"}
	fmt.Println(join("+", parts...))
	fmt.Println(count(1, "a", nil), count(), count(nil))
	is := []interface{}{1, 2}
	fmt.Println(count(is...), count(is))
	info()
	info(1, 2)
	info(s[:0]...)
	modify(s...)
	fmt.Println(s)
	modify(7, 8)
	f := func(prefix string, vs ...float64) string {
		return fmt.Sprint(prefix, len(vs), vs)
	}
	fmt.Println(f("v", 1.5, 2.5))
	fmt.Println(append([]int{1}, s...))
}
