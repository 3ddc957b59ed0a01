package main

// Issue 12: runtime.ReadMemStats with gc's meanings (checked through relations that hold under
// any collector, not exact numbers), runtime.GC counting as a forced collection, KeepAlive, and
// a garbage loop that must not grow the heap. Expected output from Go 1.27.3.

import (
	"fmt"
	"runtime"
)

type rec struct {
	next *rec
	buf  [48]byte
}

var keep []*rec
var big []byte
var sink *rec

func garbage(mb int) {
	for i := 0; i < mb<<20/64; i++ {
		sink = &rec{}
		sink.buf[0] = byte(i)
	}
}

func main() {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	runtime.GC()
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&b)
	fmt.Println("forced:", b.NumForcedGC-a.NumForcedGC, "numgc grew:", b.NumGC >= a.NumGC+3)
	fmt.Println("alloc==heapalloc:", b.Alloc == b.HeapAlloc, "objects:", b.Mallocs-b.Frees == b.HeapObjects)
	fmt.Println("sys>=heapsys:", b.Sys >= b.HeapSys, "heapsys>=inuse:", b.HeapSys >= b.HeapInuse, "total>=alloc:", b.TotalAlloc >= b.Alloc)

	for i := 0; i < 1000; i++ {
		keep = append(keep, &rec{})
	}
	big = make([]byte, 10<<20)
	runtime.ReadMemStats(&a)
	fmt.Println("mallocs grew:", a.Mallocs-b.Mallocs >= 1000, "holds 10MB:", a.HeapAlloc >= 10<<20)

	garbage(100)
	runtime.GC()
	runtime.ReadMemStats(&b)
	fmt.Println("100MB of garbage, heap under 64MB:", b.HeapSys-b.HeapReleased < 64<<20, "frees grew:", b.Frees-a.Frees >= (100<<20/64)*9/10)
	fmt.Println("pause recorded:", b.PauseTotalNs > 0 && b.PauseNs[(b.NumGC+255)%256] > 0, "lastgc set:", b.LastGC > 0)
	runtime.KeepAlive(keep)
	runtime.KeepAlive(big)
	fmt.Println(len(keep), len(big))
}
