// gojit's runtime facade (see extern.go): what GOROOT's os, syscall and time packages need from
// package runtime beyond the target's constants: GOROOT and cleanups (SetFinalizer is in mgc.go).

package runtime

// GOROOT returns the root of the Go tree: the GOROOT environment variable if set, else the tree
// gojit compiled the program's standard library from (gc: the tree that built the binary).
func GOROOT() string

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id  uint64
	ptr uintptr
}

// AddCleanup attaches a cleanup function to ptr. gojit's collector does not run cleanups yet
// (Go does not guarantee that they run before the program exits).
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	return Cleanup{}
}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {}
