// gojit's runtime facade: runtime.Error, the interface the runtime's own panic values (bounds,
// nil dereference, division, nil map, failed assertions; built by gojit-runtime's panic.rs)
// implement.

package runtime

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types that are runtime errors
	// from ordinary errors: a type is a runtime error if it has a RuntimeError method.
	RuntimeError()
}
