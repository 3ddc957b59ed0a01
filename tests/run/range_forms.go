package main

import "fmt"

func main() {
	sl := []string{"a", "b", "c"}
	for i, v := range sl {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i := range sl {
		fmt.Print(i, " ")
	}
	fmt.Println()
	for _, v := range sl {
		fmt.Print(v)
	}
	fmt.Println()
	arr := [3]int{10, 20, 30}
	for i, v := range arr {
		arr[i] = v * 2 // range over an array copies it
		if i == 0 {
			arr[2] = 1000
		}
		fmt.Print(v, " ")
	}
	fmt.Println(arr)
	parr := &arr
	for i, v := range parr {
		if i == 0 {
			parr[1] = -1
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for i, c := range "héllo" {
		fmt.Print(i, string(c), " ")
	}
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	sum := 0
	keys := 0
	for k, v := range m {
		sum += v
		keys += len(k)
	}
	fmt.Println(sum, keys)
	var nilSlice []int
	for range nilSlice {
		fmt.Println("never")
	}
	var nilMap map[int]int
	for range nilMap {
		fmt.Println("never")
	}
	count := 0
	for range []struct{}{{}, {}, {}} {
		count++
	}
	fmt.Println(count)
	var idx int
	var val string
	for idx, val = range sl {
	}
	fmt.Println(idx, val)
	nums := []int{1, 2, 3}
	for i := range nums {
		nums = append(nums, i) // length evaluated once
	}
	fmt.Println(nums)
	for i, b := range []byte("AB") {
		fmt.Print(i, b, " ")
	}
	fmt.Println()
}
