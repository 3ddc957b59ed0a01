//! gojit: a Cranelift JIT for a subset of Go with gc-style defer/panic/recover.
//!
//! Pipeline (see ARCHITECTURE.md): `syntax` (lexer, parser, AST) -> `types` (checker, `Info` side
//! tables) -> `lower` (AST + Info -> Cranelift IR per function) -> `jit` (code memory, function table,
//! trampolines) -> the `gojit-runtime` crate. `driver` strings the phases together for the CLI.

pub mod diag;
pub mod driver;
pub mod dump;
pub mod fuzzgen;
pub mod image;
pub mod jit;
pub mod cache;
pub mod limits;
pub mod load;
pub mod lower;
pub mod syntax;
pub mod types;
