package main

func one(func(int) bool)         {}
func two(func(int, string) bool) {}

func main() {
	var s string
	for s = range one {
	}
	for _, s = range two {
	}
	for k, v := range two {
		var _ string = k
		var _ int = v
	}
	for k := range one {
	}
	_ = s
}
