//! gojit-runtime: everything JIT-compiled Go code calls at run time.
//!
//! `abi` fixes the value layouts and descriptors shared with the compiler.
pub mod abi;
pub mod arch;
pub mod funcdata;
pub mod panic;
pub mod trampoline;
pub mod unwind;
