//! Process output: the runtime's own writes (`runtime.write1`, the print builtins, crash
//! reports) and the standard descriptors at start-up. (`os.Exit` is `gort_exit` in `panic.rs`;
//! Go programs write through GOROOT's os package and its raw syscalls.)
//!
//! Invariants: nothing is buffered: every write is one `write(2)` loop on the descriptor
//! ([`write_fd`]), so the streams stay in program order when they share a terminal or file.
//! (`flush_stdout` remains for callers that end the process; it flushes Rust's stdout, which
//! nothing writes Go output to.)
//!
//! Broken pipes behave as in gc (`os.epipecheck`): a write to standard output or standard error
//! that fails with `EPIPE` ends the process by `SIGPIPE` (so `gojit run prog.go | head -1` returns
//! at once, with the exit status a shell reports as 141). Rust ignores `SIGPIPE` for the whole
//! process, so the runtime restores the default action and raises it itself.
//!
//! [`check_std_fds`] is gc's `checkfds`: descriptors 0-2 that are closed when the process starts
//! are opened on `/dev/null`, so `gojit run prog.go >&-` writes succeed as under gc and no file
//! the compiler opens can take descriptor 1.

use std::io::Write;

/// gc's `dieFromSignal(SIGPIPE)`: default action, unblocked, raised; exit status 2 if the process
/// somehow survives it.
pub fn die_of_sigpipe() -> ! {
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

/// Why a write stopped short: a system call error, or `write` returning 0 (gc's
/// `io.ErrUnexpectedEOF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    Errno(i32),
    UnexpectedEof,
}

/// Writes all of `bytes` to `fd` as gc's `poll.FD.Write`: at least one `write(2)`, even of zero
/// bytes (so an empty write to a full or read-only descriptor fails as under gc), retried on
/// `EINTR`, waiting for the descriptor on `EAGAIN`, stopping at the first other error. Returns the
/// bytes written and the error that stopped it.
fn write_all_fd(fd: i32, bytes: &[u8]) -> (usize, Option<WriteError>) {
    let mut done = 0;
    loop {
        let rest = &bytes[done..];
        // SAFETY: rest is a valid readable buffer of rest.len() bytes.
        let n = unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) };
        if n > 0 {
            done += n as usize;
        }
        if done == bytes.len() && n >= 0 {
            return (done, None);
        }
        if n == 0 {
            return (done, Some(WriteError::UnexpectedEof));
        }
        if n < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
            match errno {
                libc::EINTR => {}
                libc::EAGAIN => {
                    let mut p = libc::pollfd { fd, events: libc::POLLOUT, revents: 0 };
                    // SAFETY: one valid pollfd; waits until fd is writable (or fails, then the
                    // write is retried and reports the error).
                    unsafe { libc::poll(&mut p, 1, -1) };
                }
                _ => return (done, Some(WriteError::Errno(errno))),
            }
        }
    }
}

/// Writes `bytes` to Go file descriptor `fd` (os.Stdout is 1, os.Stderr 2) as `(*os.File).Write`
/// does: the bytes written and, when the write failed, the error. A broken pipe on standard output
/// or error ends the process by SIGPIPE.
pub fn write_fd(fd: i64, bytes: &[u8]) -> (usize, Option<WriteError>) {
    let fd = fd as i32;
    let r = write_all_fd(fd, bytes);
    if r.1 == Some(WriteError::Errno(libc::EPIPE)) && (fd == 1 || fd == 2) {
        die_of_sigpipe();
    }
    r
}

/// Flushes Rust's stdout buffer (nothing Go writes is buffered).
pub fn flush_stdout() {
    let _ = std::io::stdout().flush();
}

/// Writes to stderr; errors are dropped (the runtime's own reports and the print builtins).
pub fn write_stderr(bytes: &[u8]) {
    if !bytes.is_empty() {
        write_fd(2, bytes);
    }
}

/// gc's report when the standard descriptors cannot be fixed: its line, then `fatal error`.
fn std_fds_fatal(line: &str) -> ! {
    write_stderr(line.as_bytes());
    crate::panic::fatal("cannot open standard fds")
}

/// gc's `checkfds`: opens `/dev/null` (read-write) on each of descriptors 0, 1 and 2 that is
/// closed, before anything else can open a file. Failures end the process with gc's report.
pub fn check_std_fds() {
    for fd in 0..3 {
        // SAFETY: F_GETFD on a small integer only queries the descriptor table.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } >= 0 {
            continue;
        }
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if errno != libc::EBADF {
            let m = format!("runtime: unexpected error while checking standard file descriptor {fd}, errno={errno}\n");
            std_fds_fatal(&m);
        }
        // SAFETY: a NUL-terminated path.
        let got = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
        if got < 0 {
            let m = format!("runtime: standard file descriptor {fd} closed, unable to open /dev/null, errno={errno}\n");
            std_fds_fatal(&m);
        } else if got != fd {
            let m = format!("runtime: opened unexpected file descriptor {got} when attempting to open {fd}\n");
            std_fds_fatal(&m);
        }
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

/// Writes `len` bytes at `ptr` to `fd`, errors dropped. Returns the number of bytes written.
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
    write_fd(fd, bytes).0 as isize
}
