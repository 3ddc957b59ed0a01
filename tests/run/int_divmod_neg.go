package main

import "fmt"

func main() {
	nums := []int{7, -7, 8, -8, 0}
	dens := []int{2, -2, 3, -3}
	for _, a := range nums {
		for _, b := range dens {
			fmt.Printf("%d/%d=%d %d%%%d=%d\n", a, b, a/b, a, b, a%b)
		}
	}
	var x int8 = -7
	var y int8 = 2
	fmt.Println(x/y, x%y)
	var u uint8 = 250
	fmt.Println(u/7, u%7)
	var big int64 = -9223372036854775808
	fmt.Println(big/10, big%10, big/-1, big%-1)
	var m int32 = -2147483648
	fmt.Println(m/-1, m%-1)
	fmt.Println(-7>>1, -7/2)
	var q uint64 = 18446744073709551615
	fmt.Println(q/3, q%1000)
	a, b := 17, 5
	a /= b
	fmt.Println(a)
	a = 17
	a %= -5
	fmt.Println(a)
}
