// gojit's runtime facade: runtime.Error and the types of the runtime's own panic values (bounds,
// nil dereference, division, nil map, failed assertions, panic(nil)). gojit-runtime's panic.rs
// makes those values; their descriptors are the ones the compiler emits for the types declared
// here (init hands them over), so errors.As(err, &runtimeErr), type switches and %T agree with
// the compiler's code: a type has one descriptor.
//
// gojit's representation differs from gc's: every value holds its whole message (Error()
// returns it as is), where gc's boundsError holds the operands and TypeAssertionError the types.

package runtime

// The Error interface identifies a run time error.
type Error interface {
	error

	// RuntimeError is a no-op function but serves to distinguish types that are runtime errors
	// from ordinary errors: a type is a runtime error if it has a RuntimeError method.
	RuntimeError()
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	msg string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string { return e.msg }

// An errorString represents a runtime error described by a single string.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return string(e) }

// plainError is like errorString, for messages without gc's "runtime error: " prefix.
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string { return string(e) }

// A boundsError is an index or slice expression out of range.
type boundsError struct {
	msg string
}

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string { return e.msg }

// A PanicNilError happens when code calls panic(nil).
type PanicNilError struct {
	msg string
}

func (e *PanicNilError) Error() string { return e.msg }

func (*PanicNilError) RuntimeError() {}

// registerErrorTypes hands the dynamic types of its arguments to gojit-runtime, which makes
// its runtime-error values of these types from then on.
func registerErrorTypes(bounds, errString, plain, typeAssertion, panicNil any)

func init() {
	registerErrorTypes(boundsError{}, errorString(""), plainError(""), (*TypeAssertionError)(nil), (*PanicNilError)(nil))
}
