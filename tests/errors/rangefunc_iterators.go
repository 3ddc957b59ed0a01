package main

func f1(func(int) int)              {}
func f2(func(int, int, int) bool)   {}
func f3(int, func(int) bool)        {}
func f4(func(int) bool) int         { return 0 }
func f5(int)                        {}
func f6()                           {}
func f7(func(...int) bool)          {}

type B bool

func f8(func(int) B) {}

func one(func(int) bool)  {}
func none(func() bool)    {}
func two(func(int, string) bool) {}

func main() {
	for x := range f1 {
		_ = x
	}
	for x := range f2 {
		_ = x
	}
	for x := range f3 {
		_ = x
	}
	for x := range f4 {
		_ = x
	}
	for x := range f5 {
		_ = x
	}
	for x := range f6 {
		_ = x
	}
	for x := range f7 {
		_ = x
	}
	for x := range f8 {
		_ = x
	}
	for x, y := range one {
		_, _ = x, y
	}
	for x := range none {
		_ = x
	}
	var s string
	for s = range one {
	}
	for _, s = range two {
	}
	for k, v := range two {
		var _ string = k
		var _ int = v
	}
	_ = s
}
