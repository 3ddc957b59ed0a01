package main

// A defer inside a loop cannot be open-coded: each iteration pushes a record on the
// goroutine's defer chain (gort_deferproc) and the exits pop this frame's records.

func show(i int) {
	println("defer", i)
}

func loop(n int) {
	for i := 0; i < n; i++ {
		defer show(i)
	}
	println("looped", n)
}

func main() {
	loop(3)
}
