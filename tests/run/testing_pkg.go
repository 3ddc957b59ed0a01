package main

// The testing package outside `go test` (Go's test tree imports it: fixedbugs/bug295,
// issue4618, issue4667, issue56990): testing.Init and flag parsing, Short, Testing, Verbose,
// AllocsPerRun (runtime.ReadMemStats' Mallocs around the runs) and Benchmark with ReportAllocs.
// Expected output from Go 1.27.3 (`go run`).

import (
	"flag"
	"fmt"
	"runtime"
	"runtime/trace"
	"context"
	"testing"
)

var sink *[64]byte
var sinks [][]int

func main() {
	testing.Init()
	flag.Parse()
	fmt.Println("short", testing.Short(), "testing", testing.Testing(), "verbose", testing.Verbose())
	fmt.Println("mutex fraction", runtime.SetMutexProfileFraction(-1), runtime.SetMutexProfileFraction(5), runtime.SetMutexProfileFraction(-1), runtime.SetMutexProfileFraction(0))
	runtime.SetBlockProfileRate(1)
	runtime.SetBlockProfileRate(0)

	fmt.Println("allocs none", testing.AllocsPerRun(100, func() {}))
	fmt.Println("allocs one", testing.AllocsPerRun(100, func() { sink = new([64]byte) }))
	fmt.Println("allocs two", testing.AllocsPerRun(50, func() {
		sink = new([64]byte)
		sinks = append(sinks[:0], make([]int, 100))
	}))

	r := testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			sink = new([64]byte)
		}
	})
	fmt.Println("bench N>0", r.N > 0, "allocs/op", r.AllocsPerOp(), "bytes/op", r.AllocedBytesPerOp())

	// runtime/trace with no trace running: annotations are no-ops, IsEnabled false
	ctx, task := trace.NewTask(context.Background(), "t")
	trace.Log(ctx, "cat", "msg")
	trace.WithRegion(ctx, "r", func() { fmt.Println("in region, tracing", trace.IsEnabled()) })
	task.End()

	res := testing.Benchmark(func(b *testing.B) {
		n := 0
		for b.Loop() {
			n++
		}
		if n != b.N {
			fmt.Println("loop count", n, "!= N", b.N)
		}
	})
	fmt.Println("loop bench N>0", res.N > 0)
}
