// gojit's runtime facade: ending a goroutine (gojit-runtime's panic.rs runs the deferred calls).

package runtime

// Goexit terminates the goroutine that calls it, after running its deferred calls. Calling
// Goexit from the main goroutine terminates that goroutine without func main returning; the
// program crashes when every other goroutine has exited, as with gc.
func Goexit()
