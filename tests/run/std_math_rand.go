// math/rand compiled from GOROOT: seeded sources give gc's exact streams (rngSource, Perm, Shuffle,
// NormFloat64, ExpFloat64, Zipf), the top-level functions use runtime.rand (hook: gort_rand) and
// internal/godebug's settings reach it through the runtime facade's godebug.go. Expected output
// from Go 1.27.3.

package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(42))
	fmt.Println(r.Intn(100), r.Intn(100), r.Float64(), r.Perm(5), r.Int63(), r.Uint32(), r.NormFloat64(), r.ExpFloat64())
	x := rand.Intn(10)
	fmt.Println(x >= 0 && x < 10, rand.Float64() < 1)
	s := []int{1, 2, 3, 4, 5}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	// Seed is a no-op since Go 1.24 (GODEBUG randseednop, read through internal/godebug): the
	// top-level functions stay randomly seeded
	rand.Seed(7)
	a, b := rand.Int63(), rand.Int63()
	fmt.Println(a != b)
	z := rand.NewZipf(r, 1.5, 2, 100)
	fmt.Println(z.Uint64(), z.Uint64(), r.Int31n(1000), r.Int63n(1<<40))
}
