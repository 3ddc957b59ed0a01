package main

import "fmt"

// A panic raised 10,000 frames below the recovering frame. Every frame on the way has an
// open-coded defer that counts; the recovering frame sees all of them ran, in order.
var ran int
var last int

func down(n int) int {
	defer func() {
		ran++
		if last != n-1 {
			fmt.Println("out of order at", n)
		}
		last = n
	}()
	if n == 0 {
		last = -1
		panic(fmt.Sprintf("bottom after %d frames", 10000))
	}
	return down(n-1) + 1
}

func top() (r int, msg string) {
	defer func() {
		if v := recover(); v != nil {
			r = ran
			msg = v.(string)
		}
	}()
	return down(10000), "not reached"
}

func main() {
	r, msg := top()
	fmt.Println(r, msg, last)
	ran = 0
	r, msg = top()
	fmt.Println(r, msg, last)
}
