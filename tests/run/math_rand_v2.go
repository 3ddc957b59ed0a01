// math/rand/v2 (whose Rand.N is a generic method, Go 1.27) with seeded sources: PCG and
// ChaCha8 streams, the generic N on several integer types and time.Duration, Perm, Shuffle,
// the normal and exponential distributions and Zipf. Expected output from Go 1.27.3.
package main

import (
	"fmt"
	"math/rand/v2"
	"time"
)

func main() {
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(r.IntN(100), r.Uint64(), r.Float64(), r.Int64N(1<<40), r.Uint32N(7))
	fmt.Println(r.N(int64(1000)), r.N(uint8(200)), r.N(int16(-1)+300), r.N[uint](5))
	var d time.Duration = r.N(10 * time.Second)
	fmt.Println(d)
	fmt.Println(r.Perm(8))
	s := []string{"a", "b", "c", "d", "e"}
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	fmt.Println(s)
	n := r.N[int32]
	fmt.Printf("%T %v %v\n", n, n(50), n(50))
	c := rand.New(rand.NewChaCha8([32]byte{1, 2, 3}))
	fmt.Println(c.Int32N(1000), c.NormFloat64(), c.ExpFloat64(), c.N(uint64(1)<<63))
	var buf [10]byte
	cc := rand.NewChaCha8([32]byte{'g', 'o'})
	cc.Read(buf[:])
	fmt.Println(buf, cc.Uint64())
	z := rand.NewZipf(r, 1.5, 2, 100)
	fmt.Println(z.Uint64(), z.Uint64(), z.Uint64())
	x := rand.N(5)
	fmt.Println(x >= 0 && x < 5, rand.IntN(10) < 10)
}
