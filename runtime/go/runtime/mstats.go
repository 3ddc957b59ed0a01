// gojit's runtime facade: memory statistics, with gc's MemStats fields in gc's order (the
// runtime's gort_readmemstats fills them at gc's offsets).

package runtime

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m with memory allocator statistics.
func ReadMemStats(m *MemStats)

// MemProfileRate is gc's sampling rate of the memory profile (mprof.go). gc's linker sets
// disableMemoryProfiling when nothing can read the profile (runtime.MemProfile is not linked),
// and schedinit then starts the rate at 0; gojit records no memory profile, so it always starts
// at 0, as such a gc program does. A plain variable programs may set and read back.
var MemProfileRate int = 0
