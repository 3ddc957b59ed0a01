package main

import "fmt"

func main() {
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	fmt.Printf("%v %.3f %T\n", f32*3, f32, f32)
	var a, b float32 = 16777216, 1
	fmt.Println(a+b == a, a+b)
	x := float32(1) / 3
	fmt.Println(x, float64(x), int(x*300))
	sum := float32(0)
	for i := 0; i < 10; i++ {
		sum += 0.1
	}
	fmt.Println(sum, sum == 1)
	big := float32(1e38)
	fmt.Println(big*10, -big*10)
	fmt.Printf("%g %e %8.2f\n", float32(2.5), float32(1234.5), float32(3.14159))
}
