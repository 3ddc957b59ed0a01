// gojit's runtime facade: the collector's API (gojit-runtime's gc/) and the weak package's
// runtime side.

package runtime

import "unsafe"

// GC runs a garbage collection and blocks the caller until it is complete.
func GC()

// KeepAlive marks its argument as currently reachable: the value is live until this call.
func KeepAlive(x any)

// SetFinalizer sets the finalizer of obj, a pointer to the start of an allocated object, to
// finalizer, a func taking obj's type (or an interface it implements); a nil finalizer clears it.
// Some time after obj becomes unreachable the finalizer goroutine calls finalizer(obj) and
// clears the association. gc's checks and fatal errors (gojit-runtime's gc/finalizer.rs).
func SetFinalizer(obj any, finalizer any)

// weak_registerWeakPointer is weak.runtime_registerWeakPointer: the handle of a weak pointer
// to p. gojit's collector never clears weak references, so the handle is p itself, held
// strongly: Value keeps returning p (the weak package allows it: Value is not guaranteed to
// return nil once p is unreachable), and two weak pointers made from the same p compare equal,
// as gc's per-address handles do. The cost: an object reachable only through weak pointers (a
// unique.Handle's value) is never freed.
func weak_registerWeakPointer(p unsafe.Pointer) unsafe.Pointer {
	return p
}

// weak_makeStrongFromWeak is weak.runtime_makeStrongFromWeak: the pointer of handle u.
func weak_makeStrongFromWeak(u unsafe.Pointer) unsafe.Pointer {
	return u
}
