package main

import "fmt"

func main() {
	vals := []float64{0, 1, -1, 0.5, 3.14159, 1e6, 1e20, 1e21, 1.5e-5, 1e-4, 123456789.0, 0.1 + 0.2, 100, 2.0 / 3.0, -0.0}
	for _, v := range vals {
		fmt.Println(v)
	}
	for _, v := range vals {
		fmt.Printf("%v|%g|%f|%e|%.2f|%8.3f|%-10.1f|%G|%E\n", v, v, v, v, v, v, v, v, v)
	}
	zero := 0.0
	inf := 1 / zero
	fmt.Println(inf, -inf, inf-inf != inf-inf)
	fmt.Printf("%f %v %5.1f\n", inf, -inf, inf)
	var x float64 = 7
	fmt.Println(x/2, x*x, x-10)
	fmt.Println(1e100, 1.7976931348623157e308, 5e-324)
	fmt.Printf("%.0f %.1f %.3g %10.4e %+f %+.2e\n", 2.5, 0.05, 1234.5678, 0.000123, 3.0, -12345.678)
	fmt.Printf("%06.2f|%-8.2f|%+8.2f\n", 3.14159, 2.5, 2.5)
	fmt.Println(float64(1<<53) + 1)
	var a, b float64 = 0.1, 0.3
	fmt.Println(a*3 == b, a*3 < b+1e-9)
}
