package main

import "fmt"

// 10^7 panic/recover iterations, each panicking with a freshly allocated error value: RSS must
// stay flat (every panic value and defer record becomes garbage).
type failure struct{ n int }

func (f *failure) Error() string { return "failure" }

func try(i int) (n int) {
	defer func() {
		if r := recover(); r != nil {
			n = r.(*failure).n
		}
	}()
	panic(&failure{i})
}

func main() {
	sum := 0
	for i := 0; i < 10000000; i++ {
		sum += try(i) & 1
	}
	fmt.Println(sum)
}
