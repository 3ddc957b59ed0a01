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
