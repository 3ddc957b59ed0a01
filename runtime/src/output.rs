//! Process output: buffered stdout, unbuffered stderr, flushing. (`os.Exit` is `gort_exit` in
//! `panic.rs`.)
//!
//! Invariants: everything written to stdout goes through [`write_stdout`] (fmt, os.Stdout writes)
//! into Rust's process-wide `std::io::stdout()` buffer (line-buffered: one write per line, like
//! Go's unbuffered os.Stdout and fmt's one write per call), which is also what the panic machinery
//! flushes (`panic.rs`, `gort_exit`). Anything written to stderr first flushes stdout so the
//! relative order of the two streams is preserved when they share a terminal or file.
//!
//! Broken pipes behave as in gc (`os.sigpipe`): a write to standard output or standard error that
//! fails with `EPIPE` ends the process by `SIGPIPE` (so `gojit run prog.go | head -1` returns at
//! once, with the exit status a shell reports as 141). Rust ignores `SIGPIPE` for the whole
//! process, so the runtime restores the default action and raises it itself. Write errors on other
//! descriptors are not fatal.

use std::io::{ErrorKind, Write};

/// gc's `dieFromSignal(SIGPIPE)`: default action, unblocked, raised; exit status 2 if the process
/// somehow survives it.
fn die_of_sigpipe() -> ! {
    // SAFETY: plain signal-disposition and mask calls with valid arguments; the process ends here.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(libc::SIGPIPE);
        libc::_exit(2)
    }
}

/// The outcome of a failed write to `fd`: fatal (by SIGPIPE) only for a broken stdout/stderr.
fn write_failed(fd: i32, kind: ErrorKind) {
    if kind == ErrorKind::BrokenPipe && (fd == 1 || fd == 2) {
        die_of_sigpipe();
    }
}

fn write_all_fd(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: bytes is a valid readable buffer of bytes.len() bytes.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            let kind = std::io::Error::last_os_error().kind();
            if kind == ErrorKind::Interrupted {
                continue;
            }
            write_failed(fd, kind);
            return; // other errors: the bytes are dropped.
        }
        bytes = &bytes[n as usize..];
    }
}

/// Appends to buffered stdout.
pub fn write_stdout(bytes: &[u8]) {
    if let Err(e) = std::io::stdout().lock().write_all(bytes) {
        write_failed(1, e.kind());
    }
}

/// Writes everything buffered for stdout.
pub fn flush_stdout() {
    if let Err(e) = std::io::stdout().flush() {
        write_failed(1, e.kind());
    }
}

/// Writes to stderr immediately, after flushing stdout.
pub fn write_stderr(bytes: &[u8]) {
    flush_stdout();
    write_all_fd(2, bytes);
}

/// Writes to a Go file descriptor: 1 is buffered stdout, 2 is stderr, others are written directly.
pub fn write_fd(fd: i64, bytes: &[u8]) {
    match fd {
        1 => write_stdout(bytes),
        2 => write_stderr(bytes),
        _ => write_all_fd(fd as i32, bytes),
    }
}

/// Flushes buffered stdout. The driver calls this when `main.main` returns.
///
/// # Safety
/// Always safe; `unsafe` only for uniformity with the other entry points.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_flush() {
    flush_stdout();
}

/// `os.Stdout.WriteString(s)` / `os.Stderr.Write(b)`: writes `len` bytes at `ptr` to `fd`
/// (1 buffered, 2 unbuffered). Returns the number of bytes written.
///
/// # Safety
/// `ptr` must point to `len` readable bytes (may be dangling when `len == 0`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_write(fd: i64, ptr: *const u8, len: isize) -> isize {
    if len <= 0 {
        return 0;
    }
    // SAFETY: the caller guarantees ptr..ptr+len is readable.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len as usize) };
    write_fd(fd, bytes);
    len
}
