// gojit's runtime facade: the collector's API (gojit-runtime's gc/).

package runtime

// GC runs a garbage collection and blocks the caller until it is complete.
func GC()

// KeepAlive marks its argument as currently reachable: the value is live until this call.
func KeepAlive(x any)

// SetFinalizer sets the finalizer of obj, a pointer to the start of an allocated object, to
// finalizer, a func taking obj's type (or an interface it implements); a nil finalizer clears it.
// Some time after obj becomes unreachable the finalizer goroutine calls finalizer(obj) and
// clears the association. gc's checks and fatal errors (gojit-runtime's gc/finalizer.rs).
func SetFinalizer(obj any, finalizer any)
