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
