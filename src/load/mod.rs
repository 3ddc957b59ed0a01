//! Loading: turning the arguments of `gojit run|check|dump` into the files of the packages to
//! compile, the way the go command does it for linux/amd64 without cgo or assembly.
//!
//! One concept per file: [`constraint`] (build tags and file names), [`gomod`] (go.mod),
//! [`goroot`] (finding GOROOT and GOMODCACHE), [`resolve`] (import path → directory),
//! [`files`] (which files of a directory make up a package) and [`args`] (command-line
//! arguments → the main package's files).
//!
//! Invariant: nothing here runs `go` or touches the network unless a package outside the main
//! module is needed (a single-file program never looks for GOROOT).

pub mod args;
pub mod constraint;
pub mod files;
pub mod gomod;
pub mod goroot;
pub mod resolve;
