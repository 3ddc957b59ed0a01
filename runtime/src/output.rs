//! Process output: a big buffered stdout, unbuffered stderr, flushing and exit.
//!
//! Invariants: everything written to stdout goes through [`write_stdout`] (fmt, os.Stdout writes) and
//! is buffered in one process-wide buffer; anything written to stderr first flushes stdout so the
//! relative order of the two streams is preserved when they share a terminal or file. The buffer is
//! flushed by `gort_flush` (the driver calls it when main returns), `gort_exit`, and
//! [`flush_stdout`] (the panic helper calls it before printing crash output).
//!
//! The buffer sits behind a `Mutex` (uncontended: one goroutine in v1). The crash path uses
//! `try_lock` so a fault while the lock is held cannot deadlock.

use std::sync::Mutex;

const STDOUT_BUF_CAP: usize = 64 * 1024;

static STDOUT: Mutex<Vec<u8>> = Mutex::new(Vec::new());

fn write_all_fd(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: bytes is a valid readable buffer of bytes.len() bytes.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return; // EPIPE etc.: Go would raise SIGPIPE / drop; we drop silently.
        }
        bytes = &bytes[n as usize..];
    }
}

/// Appends to the stdout buffer, writing it out when full.
pub fn write_stdout(bytes: &[u8]) {
    let mut buf = STDOUT.lock().unwrap_or_else(|e| e.into_inner());
    if buf.capacity() == 0 {
        buf.reserve(STDOUT_BUF_CAP);
    }
    if buf.len() + bytes.len() > STDOUT_BUF_CAP {
        write_all_fd(1, &buf);
        buf.clear();
        if bytes.len() > STDOUT_BUF_CAP / 2 {
            write_all_fd(1, bytes);
            return;
        }
    }
    buf.extend_from_slice(bytes);
}

/// Writes everything buffered for stdout. Safe to call from crash paths (never blocks on the lock).
pub fn flush_stdout() {
    if let Ok(mut buf) = STDOUT.try_lock() {
        if !buf.is_empty() {
            write_all_fd(1, &buf);
            buf.clear();
        }
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

/// `os.Exit(code)`: flushes stdout and exits immediately; deferred calls do not run.
///
/// # Safety
/// Never returns; JIT frames above are abandoned.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_exit(code: i64) -> ! {
    flush_stdout();
    // SAFETY: _exit terminates the process without running destructors.
    unsafe { libc::_exit(code as i32) }
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
