package main

import (
	"fmt"
	"runtime"
)

func classify(f func()) {
	defer func() {
		r := recover()
		if re, ok := r.(runtime.Error); ok {
			fmt.Println("runtime.Error:", re.Error())
			return
		}
		if e, ok := r.(error); ok {
			fmt.Println("error:", e)
			return
		}
		fmt.Println("value:", r)
	}()
	f()
}

func main() {
	var arr []int
	var m map[int]int
	var ip *int
	var i interface{} = 3.5
	zero := 0
	classify(func() { _ = arr[0] })
	classify(func() { m[1] = 2 })
	classify(func() { *ip = 1 })
	classify(func() { _ = i.(string) })
	classify(func() { _ = 1 / zero })
	classify(func() { panic(fmt.Errorf("plain")) })
	classify(func() { panic("str") })
	classify(func() { _ = arr[1:zero] })
}
