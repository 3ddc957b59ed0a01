package main

import "fmt"

// One panic walks up through frames that alternate between open-coded defers and chained
// defers (a defer inside a loop makes the whole frame chained). Each frame's defers must run
// last-in first-out, and frames must be visited from the innermost outward.

func open3(depth int) {
	defer fmt.Println("open3 defer A", depth)
	if depth > 0 {
		defer fmt.Println("open3 defer B (conditional)", depth)
	}
	chained(depth)
}

func chained(depth int) {
	for i := 0; i < 3; i++ {
		defer fmt.Println("chained defer", i, "at depth", depth)
	}
	if depth == 0 {
		var m map[string]int
		m["boom"] = 1
	}
	open3(depth - 1)
}

func catcher() {
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	defer fmt.Println("catcher open-coded defer")
	open3(2)
}

func loopCatcher() {
	for i := 0; i < 2; i++ {
		defer func(i int) {
			if r := recover(); r != nil {
				fmt.Println("loop defer", i, "recovered:", r)
			} else {
				fmt.Println("loop defer", i, "nothing to recover")
			}
		}(i)
	}
	open3(1)
}

func main() {
	catcher()
	loopCatcher()
	fmt.Println("done")
}
