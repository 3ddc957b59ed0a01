// Preemption polls clobber no register (gort_preempt_all, the preserve_all slow path): two
// goroutines run long loops with many integer and float values live across every back-edge
// poll, so the monitor preempts them many times; any register the slow path failed to restore
// would change a result.
package main

import "fmt"

func work(seed int, out chan<- [2]float64) {
	a, b, c, d, e := seed, seed*3, seed*5, seed*7, seed*11
	x, y, z, w := float64(seed), 0.5, 0.25, 0.125
	for i := 0; i < 30000000; i++ {
		a += i
		b ^= a
		c += b & 1023
		d -= c >> 3
		e += d & 7
		x += 1e-9
		y = y*0.999999 + x*1e-9
		z += y * 1e-3
		w += z * 1e-6
	}
	out <- [2]float64{float64(a+b+c+d+e) / 1e6, x + y + z + w}
}

func main() {
	out := make(chan [2]float64)
	go work(1, out)
	go work(2, out)
	r1, r2 := <-out, <-out
	if r1[0] > r2[0] {
		r1, r2 = r2, r1
	}
	fmt.Printf("%.3f %.6f\n%.3f %.6f\n", r1[0], r1[1], r2[0], r2[1])
}
