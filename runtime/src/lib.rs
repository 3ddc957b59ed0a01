//! gojit-runtime: everything JIT-compiled Go code calls at run time.
//!
//! `abi` fixes the value layouts and gc's `internal/abi` type descriptors shared with the compiler. Every entry point is a
//! `#[unsafe(no_mangle)] extern "C" fn gort_*` (System V); [`symbols`] lists them all by name so
//! the compiler can bind them into the JIT module, and [`entries`] with the signature `entrysig`
//! reads off each one's Rust type. Entry points that may raise a Go panic have at
//! most 6 integer/pointer arguments and at most one integer result (callable through Cranelift
//! `try_call` with the `tail` convention); the others may return two words (rax:rdx).
//!
//! Modules: `alloc` (allocation of Go values), `gc` (the mark-sweep collector), `mem` (the span heap, size classes, data segment), `slice` (make/append/copy), `gostring` (string runtime),
//! `hash` (typed hashing/equality), `map`, `iface` (itabs, assertions), `print` (builtins), `strconv` (float formatting and quoting for the print builtins and the compiler),
//! `reflect` (reflect's runtime
//! links), `sys` (syscalls, args, poll), `fastrand` (gc's cheap random numbers), `output` (the runtime's own writes),
//! `rterror` (raising panics and fatal errors), `typedesc` (building descriptors), `unicode` (Go's letter/digit/printable classes),
//! `sched` (goroutines, the scheduler, goroutine stacks), `chan` (channels and select).
pub mod abi;
pub mod alloc;
pub mod bytealg;
pub mod callers;
pub mod complex;
pub mod crc32;
pub mod arch;
pub mod chan;
pub mod entrysig;
pub mod env;
pub mod fastrand;
pub mod funcdata;
pub mod gc;
pub mod gostring;
pub mod gotraceback;
pub mod hash;
pub mod iface;
pub mod map;
pub mod mapclone;
pub mod math;
pub mod mem;
pub mod output;
pub mod panic;
pub mod print;
pub mod reflect;
pub mod reflectcall;
pub mod rterror;
pub mod sched;
pub mod signals;
pub mod slice;
pub mod stackmap;
pub mod strconv;
pub mod sys;
pub mod trampoline;
pub mod typedesc;
pub mod unicode;
pub mod unwind;

mod symbols;
pub use symbols::{DATA_SYMBOLS, entries, symbols};
