package main

import "fmt"

func main() {
	n := 42
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", n, n, n, n, n, n)
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%+d]\n", -n, -n, -n, -n, -n)
	fmt.Printf("[%x] [%X] [%#x] [%08x] [%o] [%#o] [%b] [%O]\n", 255, 255, 255, 255, 8, 8, 5, 8)
	fmt.Printf("[%x] [%X]\n", -255, -255)
	fmt.Printf("[%c] [%c] [%c] [%q] [%U] [%#U]\n", 65, 'é', 0x1F600, 'x', 0x1F600, 'ä')
	var u8 uint8 = 200
	var i64 int64 = -9223372036854775808
	var u64 uint64 = 18446744073709551615
	fmt.Printf("%d %d %d %v %v\n", u8, i64, u64, i64, u64)
	fmt.Printf("%x %X\n", u64, i64)
	fmt.Printf("%3d|%-3d|%03d\n", 12345, 12345, 12345)
	fmt.Printf("%v %d\n", []int{1, 2}, []int{3, 4})
	fmt.Printf("%x %X\n", []int{10, 11}, [2]int{255, 16})
	fmt.Printf("%5.3d|%.0d|%.0d\n", 7, 0, 3)
	fmt.Printf("%t %t %v\n", true, false, true)
	fmt.Printf("%5t|%-6t|\n", true, false)
	type ID int
	fmt.Printf("%d %v %T\n", ID(5), ID(5), ID(5))
	fmt.Printf("%%d %d%%\n", 50)
	fmt.Printf("%*d|%-*d|\n", 6, 1, 4, 2)
	var r rune = 'Z'
	var b byte = 'z'
	fmt.Printf("%v %v %c %c %q %q\n", r, b, r, b, r, b)
}
