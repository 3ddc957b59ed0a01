// gojit's runtime facade: the profiling rate controls of gc's mprof.go. gojit records no block
// or mutex profile (there is no runtime.BlockProfile / MutexProfile to read one), so these are
// gc's functions with profiling off: the rates are remembered and read back exactly as gc does
// (SetMutexProfileFraction returns the previous fraction), but no event is ever sampled. The
// testing package sets both from its -test.blockprofilerate / -test.mutexprofilefraction flags.

package runtime

// blockprofilerate is the rate SetBlockProfileRate last set (gc keeps it in cputicks; gojit
// samples nothing, so it keeps the normalised request: 0 off, else the rate in nanoseconds).
var blockprofilerate int64

// mutexprofilerate is the fraction SetMutexProfileFraction last set.
var mutexprofilerate int64

// SetBlockProfileRate controls the fraction of goroutine blocking events that are reported in
// the blocking profile; rate <= 0 turns profiling off.
func SetBlockProfileRate(rate int) {
	if rate <= 0 {
		rate = 0
	}
	blockprofilerate = int64(rate)
}

// SetMutexProfileFraction controls the fraction of mutex contention events that are reported in
// the mutex profile and returns the previous rate; a negative rate only reads the current one.
func SetMutexProfileFraction(rate int) int {
	if rate < 0 {
		return int(mutexprofilerate)
	}
	old := mutexprofilerate
	mutexprofilerate = int64(rate)
	return int(old)
}
