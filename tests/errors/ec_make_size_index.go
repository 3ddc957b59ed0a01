package main

// make's size arguments are checked as indices (types2's isValidIndex): integer type,
// non-negative, representable as int; untyped constants convert to int first.

func main() {
	_ = make([]int, uint64(1<<63))
	_ = make(map[int]int, float32(1.0))
	_ = make(chan int, 1<<63)
	_ = make([]int, 2, 0.5)
	_ = make([]int, -1)
	_ = []int{uint64(1 << 63): 1}
}
