// gojit's runtime facade: the runtime side of internal/godebug (gc's runtime.go: godebug_*),
// the runtime's write and environment lookups for GOROOT packages that cannot import os.

package runtime

import "unsafe"

// godebugDefault is the default GODEBUG setting the linker derives from the main module's go
// version: empty for a module at the toolchain's version (gojit's programs: Go 1.27).
const godebugDefault = ""

// godebug_setUpdate is internal/godebug.setUpdate: it calls update(default, $GODEBUG) once.
// gc calls it again when os.Setenv changes GODEBUG; gojit does not (a later Setenv of GODEBUG
// is not seen by internal/godebug).
func godebug_setUpdate(update func(string, string)) {
	update(godebugDefault, gogetenv("GODEBUG"))
}

// godebug_setNewIncNonDefault is internal/godebug.setNewIncNonDefault: gc's runtime keeps the
// function to count its own non-default GODEBUG uses; gojit's runtime has none to count.
func godebug_setNewIncNonDefault(newIncNonDefault func(string) func()) {
}

// godebug_registerMetric is internal/godebug.registerMetric: gojit has no runtime/metrics, so
// the metric is never read.
func godebug_registerMetric(name string, read func() uint64) {
}

// write writes n bytes at p to file descriptor fd and returns the count written (errors: 0).
func write(fd uintptr, p unsafe.Pointer, n int32) int32 {
	return int32(write1(fd, p, int(n)))
}

func write1(fd uintptr, p unsafe.Pointer, n int) int

// gogetenv is the value of environment variable key ("" if unset).
func gogetenv(key string) string
