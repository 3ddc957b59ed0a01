//! The one place where the runtime raises Go panics and fatal errors.
//!
//! Every runtime entry point that can panic funnels through [`throw_go_panic`] (runtime errors and
//! other panics whose value is a plain message) so switching to the panic helper's real `gopanic` is
//! a one-line change. Fatal errors ([`fatal`]) are not panics: no deferred call runs, the process
//! prints `fatal error: <msg>` and exits with status 2, like gc.
//!
//! Invariant: callers hold no value with `Drop` when they call these (the real panic path resumes
//! a JIT frame above them and never returns here).

use crate::output;

/// Which flavour of panic value a runtime-raised panic carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanicKind {
    /// A `runtime.Error` whose Error() is the message (`runtime error: ...`,
    /// `interface conversion: ...`, `assignment to entry in nil map`).
    RuntimeError,
    /// A panic with a plain error value raised by library code (e.g. `strings: negative Repeat count`).
    Plain,
}

/// Raises a Go panic carrying `msg`. Placeholder until the panic helper's API lands: prints what gc
/// prints for an unrecovered panic of this kind, flushes stdout first, exits 2.
pub fn throw_go_panic(kind: PanicKind, msg: &str) -> ! {
    output::flush_stdout();
    let mut s = String::with_capacity(msg.len() + 48);
    s.push_str("panic: ");
    s.push_str(msg);
    let _ = kind; // both kinds print the same way when unrecovered
    s.push_str("\n\ngoroutine 1 [running]:\n");
    output::write_stderr(s.as_bytes());
    std::mem::drop(s);
    // SAFETY: _exit is always safe to call; it does not run Rust destructors or atexit handlers.
    unsafe { libc::_exit(2) }
}

/// Raises a `runtime.Error` panic.
pub fn runtime_error(msg: &str) -> ! {
    throw_go_panic(PanicKind::RuntimeError, msg)
}

/// Raises a panic with a plain (non-runtime) error value.
pub fn plain_panic(msg: &str) -> ! {
    throw_go_panic(PanicKind::Plain, msg)
}

/// A fatal runtime error: `fatal error: <msg>`, exit 2, no deferred calls.
pub fn fatal(msg: &str) -> ! {
    output::flush_stdout();
    let s = format!("fatal error: {msg}\n");
    output::write_stderr(s.as_bytes());
    // SAFETY: see throw_go_panic.
    unsafe { libc::_exit(2) }
}
