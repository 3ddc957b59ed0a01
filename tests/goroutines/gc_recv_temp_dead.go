package main

// A received value is not kept alive by the receive's temporary: after a loop body drops a
// large slice it received (through `range`, `v, ok :=` or a `select` case, in a loop that
// reuses the temporary), a collection frees it (gc's receive temporaries are dead once the
// value is copied out). Before the fix, the temporary (a stack object whose address the loop
// keeps live) held the slice until the next receive.
// Expected output from Go 1.27.3.

import "runtime"

func inuse() int64 {
	runtime.GC()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	return int64(st.Alloc)
}

func viaRange(c chan []byte, start int64) {
	for x := range c {
		x = nil
		if d := inuse() - start; d > 1<<20 {
			println("range: BUG: live after drop:", d, len(x))
		} else {
			println("range: freed")
		}
	}
}

func viaOk(c chan []byte, start int64) {
	for {
		x, ok := <-c
		if !ok {
			break
		}
		x = nil
		if d := inuse() - start; d > 1<<20 {
			println("recv-ok: BUG: live after drop:", d, len(x))
		} else {
			println("recv-ok: freed")
		}
	}
}

func viaSelect(c chan []byte, start int64) {
	for i := 0; i < 1; i++ {
		select {
		case x := <-c:
			x = nil
			if d := inuse() - start; d > 1<<20 {
				println("select: BUG: live after drop:", d, len(x))
			} else {
				println("select: freed")
			}
		}
	}
}

func main() {
	{
		start := inuse()
		c := make(chan []byte, 1)
		c <- make([]byte, 8<<20)
		close(c)
		viaRange(c, start)
	}
	{
		start := inuse()
		c := make(chan []byte, 1)
		c <- make([]byte, 8<<20)
		close(c)
		viaOk(c, start)
	}
	{
		start := inuse()
		c := make(chan []byte, 1)
		c <- make([]byte, 8<<20)
		viaSelect(c, start)
	}
}
