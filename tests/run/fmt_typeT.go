package main

import (
	"errors"
	"fmt"
)

type MyStruct struct{ A int }
type MyInt int
type MySlice []MyStruct
type Fn func(int) string
type Iface interface{ M() }

func main() {
	vals := []interface{}{
		1, int8(1), int16(1), int32(1), int64(1), uint(1), uint8(1), uint16(1), uint32(1), uint64(1),
		uintptr(1), 1.5, "s", true, 'r', byte('b'), nil,
		[]int{}, [3]string{}, map[string]bool{}, map[int][]string{}, &MyStruct{}, MyStruct{},
		MyInt(3), MySlice{}, Fn(nil), func() {}, func(int, string) (bool, error) { return false, nil },
		errors.New("x"), struct{}{}, struct {
			X int
			Y string
		}{}, []interface{}{}, &[]int{}, new(int), new(*int), [][]float64{},
	}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	var i Iface
	fmt.Printf("%T\n", i)
	fmt.Printf("%v %T\n", MyInt(9), []MyInt{})
}
