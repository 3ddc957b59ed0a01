//! The one place where the runtime's own code (maps, slices, interfaces, strings) raises Go
//! panics and fatal errors; it forwards to the panic machinery in `panic.rs`.
//!
//! Runtime errors ([`runtime_error`]) become the panic helper's runtime error values
//! (`runtime.errorString`, `runtime.plainError`, `*runtime.TypeAssertionError` chosen from the
//! message), so `recover()` yields a `runtime.Error` whose `Error()` is the message. Library panics
//! ([`plain_panic`], e.g. `strings: negative Repeat count`) panic with a Go `string` value, as the
//! Go library does. Fatal errors ([`fatal`]) are not panics: no deferred call runs, exit status 2.
//!
//! Invariant: callers hold no value with `Drop` when they call these (the panic resumes a JIT frame
//! above them and never returns here). Messages are `&'static str` or leaked for that reason.

use crate::abi::{Eface, GoString};

/// Raises a `runtime.Error` panic whose `Error()` is `msg` (`runtime error: ...`,
/// `interface conversion: ...`, `assignment to entry in nil map`).
pub fn runtime_error(msg: &str) -> ! {
    crate::panic::throw_runtime_error(msg)
}

/// Raises a panic whose value is the Go string `msg`.
pub fn plain_panic(msg: &'static str) -> ! {
    let s = crate::alloc::alloc_zeroed(16, 8) as *mut GoString;
    // SAFETY: fresh 16-byte block.
    unsafe { s.write(GoString::from_static(msg.as_bytes())) };
    let t = crate::typedesc::predeclared(crate::abi::Kind::String);
    crate::panic::throw(Eface { typ: t, data: s.cast() })
}

/// A fatal runtime error: `fatal error: <msg>`, exit 2, no deferred calls.
pub fn fatal(msg: &str) -> ! {
    crate::output::flush_stdout();
    crate::panic::fatal(msg)
}

/// `throw(s string)` as GOROOT code linknames it (internal/sync's `throw`): `fatal error: s`,
/// exit 2.
///
/// # Safety
/// `p` is readable for `n` bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_throw(p: *const u8, n: isize) {
    // SAFETY: the caller's contract.
    let s = unsafe { crate::abi::GoString { ptr: p, len: n }.as_bytes() };
    fatal(&String::from_utf8_lossy(s))
}
