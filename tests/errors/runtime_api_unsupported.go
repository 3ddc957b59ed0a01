package main

// gojit's own limitation (no gc reference; Go compiles all but the last call): package runtime is
// gojit's runtime facade, so exported runtime functions it lacks are named as unsupported instead
// of reported as undefined (a name Go's runtime does not declare stays `undefined:`, as gc words it).

import "runtime"

func main() {
	_ = runtime.MemProfile
	_ = runtime.MutexProfile
	runtime.Goshed()
}
