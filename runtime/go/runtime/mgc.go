// gojit's runtime facade: the collector's API (gojit-runtime's gc/).

package runtime

// GC runs a garbage collection and blocks the caller until it is complete.
func GC()

// KeepAlive marks its argument as currently reachable: the value is live until this call.
func KeepAlive(x any)
