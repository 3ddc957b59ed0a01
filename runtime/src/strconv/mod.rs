//! The pieces of Go's `strconv` formatting the Rust side itself needs: float formatting for the
//! `print`/`println` builtins (gc's `runtime/print.go` uses `strconv.AppendFloat(.., 'g', -1, ..)`)
//! and for constants in the compiler's diagnostics, and string quoting for those diagnostics.
//! Go programs use GOROOT's own strconv; nothing here is reachable from Go code.

pub mod float;
pub mod quote;

/// Go's `strconv.AppendFloat` for the decimal formats.
pub use float::append_float as format_float;
