// gojit's runtime facade: the execution tracer's entry points (gc's trace.go, traceruntime.go
// and the runtime/trace linknames). gojit has no execution tracer. StartTrace says so with an
// error, as gc's StartTrace returns one when a trace cannot start; tracing is then never on, and
// every other entry point does what gc's does while tracing is off: StopTrace and the user
// annotations (tasks, regions, logs) nothing, ReadTrace returns nil. This lets runtime/trace, and
// testing, which imports it for -test.trace, compile: a program that asks for a trace gets the
// error at run time.

package runtime

// StartTrace enables tracing for the current process; gojit cannot trace, so it always fails.
func StartTrace() error {
	return plainError("runtime: execution tracing is not supported by gojit")
}

// StopTrace stops tracing, if it was previously enabled (it never is).
func StopTrace() {
}

// ReadTrace returns the next chunk of binary tracing data; nil when tracing is off.
func ReadTrace() []byte {
	return nil
}

// The user annotations runtime/trace links to (gc's traceruntime.go trace_user*): with tracing
// off gc's versions return at once.

func trace_userTaskCreate(id, parentID uint64, taskType string) {
}

func trace_userTaskEnd(id uint64) {
}

func trace_userRegion(id, mode uint64, regionType string) {
}

func trace_userLog(id uint64, category, message string) {
}

// traceAdvance moves tracing to its next generation; gc's returns at once when no trace is
// running (generation 0), which is always the case here.
func traceAdvance(stopTrace bool) {
}

// traceTimeDiv is gc's trace clock divisor on linux/amd64 (nanotime-based: 64 ns units).
const traceTimeDiv = 64

// traceClockNow returns the trace clock: the monotonic clock in traceTimeDiv units, as gc's.
func traceClockNow() uint64 {
	return uint64(nanotime() / traceTimeDiv)
}

// traceClockUnitsPerSecond is the number of trace clock units per second (gc's nanotime case).
func traceClockUnitsPerSecond() uint64 {
	return 1e9 / traceTimeDiv
}

// nanotime is the runtime's monotonic clock in nanoseconds (a hook row: gort_nanotime).
func nanotime() int64
