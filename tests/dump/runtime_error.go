package main

// A bounds check in a frame with a defer: the cold block calls the runtime's panic entry point
// with a try_call, so a recover in the deferred closure resumes at the deferreturn block.

func at(xs []int, i int) (v int) {
	defer func() {
		if e := recover(); e != nil {
			v = -1
		}
	}()
	return xs[i]
}

func main() {
	xs := []int{1, 2, 3}
	println(at(xs, 1), at(xs, 5))
}
