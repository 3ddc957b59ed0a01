//! Process output: buffered stdout, unbuffered stderr, flushing. (`os.Exit` is `gort_exit` in
//! `panic.rs`.)
//!
//! Invariants: everything written to stdout goes through [`write_stdout`] (fmt, os.Stdout writes)
//! into Rust's process-wide `std::io::stdout()` buffer (line-buffered: one write per line, like
//! Go's unbuffered os.Stdout and fmt's one write per call), which is also what the panic machinery
//! flushes (`panic.rs`, `gort_exit`). Anything written to stderr first flushes stdout so the
//! relative order of the two streams is preserved when they share a terminal or file.

use std::io::Write;

fn write_all_fd(fd: i32, mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: bytes is a valid readable buffer of bytes.len() bytes.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n < 0 {
            if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return; // EPIPE etc.: dropped silently.
        }
        bytes = &bytes[n as usize..];
    }
}

/// Appends to buffered stdout.
pub fn write_stdout(bytes: &[u8]) {
    let _ = std::io::stdout().lock().write_all(bytes);
}

/// Writes everything buffered for stdout.
pub fn flush_stdout() {
    let _ = std::io::stdout().flush();
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
