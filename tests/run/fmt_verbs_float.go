package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("[%f] [%.2f] [%8.3f] [%-8.2f] [%08.3f] [%+.1f]\n", f, f, f, f, f, f)
	fmt.Printf("[%e] [%.3e] [%E] [%g] [%G] [%.3g]\n", f, f, f, f, f, f)
	big := 123456789.123
	fmt.Printf("%f %e %g %v %.0f\n", big, big, big, big, big)
	small := 0.000012345
	fmt.Printf("%f %e %g %v %.8f\n", small, small, small, small, small)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e21, 1e-5)
	fmt.Printf("%v %v %v\n", 1e20, 1e21, 123456789012345678.0)
	fmt.Printf("%6.2f|%-6.2f|%6.0f|\n", -1.005, 2.675, 0.5)
	fmt.Printf("%.1f %.1f %.1f %.1f\n", 0.05, 0.15, 0.25, 0.35)
	fmt.Printf("%5.1f%%\n", 99.5)
	fmt.Printf("%v %v\n", float64(7), float64(-0.1))
	fmt.Printf("%10.4g|%-10.3e|\n", 2.0/3.0, 12345.6789)
	fs := []float64{1, 2.5, 1e-7}
	fmt.Println(fs)
	fmt.Printf("%.2f\n", fs)
	fmt.Printf("%T\n", f)
}
