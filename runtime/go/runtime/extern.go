// gojit's runtime facade: the package `runtime` every program and GOROOT package imports, in
// place of GOROOT's runtime (which is the Rust crate gojit-runtime). This file: the target's
// constants and the version.
//
// Body-less functions in this package are rows of gojit's hook table (src/lower/hooks.rs), each
// implemented by a runtime entry point; everything else is ordinary Go.

package runtime

// GOOS is the running program's operating system target (gojit targets linux/amd64 only).
const GOOS string = "linux"

// GOARCH is the running program's architecture target.
const GOARCH string = "amd64"

// Compiler is the name of the compiler toolchain that built the running binary. gojit compiles
// with gc's semantics and layouts (type descriptors, function names), and GOROOT code choosing
// behaviour by it must take gc's paths, so it says "gc" as gc does.
const Compiler = "gc"

// Version returns the Go tree's version string: gojit's is that of the GOROOT it compiled the
// program's standard library from (a release tag such as "go1.27.3"), as gc's is the version of
// the toolchain that built the binary.
func Version() string

// Caller reports file and line number information about function invocations on the calling
// goroutine's stack. The argument skip is the number of stack frames to ascend, with 0
// identifying the caller of Caller. The return values report the program counter, the file name
// (with forward slashes), and the line number within the file of the corresponding call. The
// boolean ok is false if it was not possible to recover the information.
func Caller(skip int) (pc uintptr, file string, line int, ok bool) {
	rpc := make([]uintptr, 1)
	n := callers(skip+1, rpc)
	if n < 1 {
		return
	}
	frame, _ := CallersFrames(rpc).Next()
	return frame.PC, frame.File, frame.Line, frame.PC != 0
}

// Callers fills the slice pc with the return program counters of function invocations on the
// calling goroutine's stack. The argument skip is the number of stack frames to skip before
// recording in pc, with 0 identifying the frame for Callers itself and 1 identifying the caller
// of Callers. It returns the number of entries written to pc.
//
// To translate these PCs into symbolic information such as function names and line numbers,
// use CallersFrames.
func Callers(skip int, pc []uintptr) int {
	if len(pc) == 0 {
		return 0
	}
	return callers(skip, pc)
}

// callers fills pcbuf with the return pcs of the goroutine's frames after skipping skip of
// them, frame 0 being callers' caller (runtime/src/callers.rs).
func callers(skip int, pcbuf []uintptr) int

// Stack formats a stack trace of the calling goroutine into buf and returns the number of bytes
// written to buf. If all is true, Stack formats stack traces of all other goroutines into buf
// after the trace for the current goroutine.
func Stack(buf []byte, all bool) int {
	return stack(buf, all)
}

// stack is Stack's body: its caller's traceback, truncated to len(buf) (runtime/src/callers.rs).
func stack(buf []byte, all bool) int

// Breakpoint executes a breakpoint trap: without a debugger, the program ends with gc's SIGTRAP
// report (runtime/src/panic.rs).
func Breakpoint()
