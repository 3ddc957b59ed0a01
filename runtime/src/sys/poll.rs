//! Blocking I/O readiness for GOROOT's `internal/poll`, in place of gc's netpoller
//! (`runtime/netpoll.go`): the bodies of `runtime_pollOpen`, `pollWait`, `pollReset`,
//! `pollSetDeadline`, `pollClose` and `pollUnblock`.
//!
//! gc registers a descriptor with epoll and parks the goroutine until it is ready. gojit has no
//! netpoller: a descriptor is "registered" as gc's would be (epoll refuses regular files and
//! directories with `EPERM`, so `os` keeps those blocking, exactly as under gc), and waiting for
//! it is a `poll(2)` on that one descriptor that blocks the thread (not the others: `sched::syscall::blocking`) until
//! it is ready or its deadline passes. Results are gc's codes: `pollNoError` 0, `pollErrClosing` 1,
//! `pollErrTimeout` 2.
//!
//! A poll descriptor ([`PollDesc`]) is a Rust allocation owned by the `internal/poll.FD` whose
//! `runtimeCtx` holds its address, from `pollOpen` until `pollClose` frees it.

use crate::sched::time::gort_nanotime;

const POLL_NO_ERROR: i64 = 0;
const POLL_ERR_CLOSING: i64 = 1;
const POLL_ERR_TIMEOUT: i64 = 2;

/// gc's `pollDesc`, the part gojit needs: the descriptor, its deadlines (`runtimeNano` times;
/// 0 none, negative already expired) and whether it is being closed.
struct PollDesc {
    fd: i32,
    rd: i64,
    wd: i64,
    closing: bool,
}

/// The descriptor behind a `runtimeCtx`.
///
/// # Safety
/// `ctx` came from [`gort_pollopen`] and was not closed.
unsafe fn pd<'a>(ctx: usize) -> &'a mut PollDesc {
    // SAFETY: forwarded; one goroutine runs at a time, so no other reference is live.
    unsafe { &mut *(ctx as *mut PollDesc) }
}

/// Whether a deadline has passed.
fn expired(d: i64) -> bool {
    d < 0 || (d > 0 && d <= gort_nanotime())
}

/// gc's `netpollcheckerr`: closing, or the deadline of `mode` (`'r'`, `'w'`, or both) passed.
fn check(pd: &PollDesc, mode: i64) -> i64 {
    if pd.closing {
        return POLL_ERR_CLOSING;
    }
    let r = mode == b'r' as i64 || mode == (b'r' + b'w') as i64;
    let w = mode == b'w' as i64 || mode == (b'r' + b'w') as i64;
    if (r && expired(pd.rd)) || (w && expired(pd.wd)) {
        return POLL_ERR_TIMEOUT;
    }
    POLL_NO_ERROR
}

/// `runtime_pollOpen(fd uintptr) (uintptr, int)`: the context word and 0, or 0 and `EPERM` for a
/// regular file or directory (epoll's answer, which makes `os` keep the file blocking).
///
/// # Safety
/// `out` is writable for two words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollopen(fd: usize, out: *mut usize) {
    // SAFETY: a zeroed stat buffer for fstat to fill.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is writable.
    let r = unsafe { libc::fstat(fd as i32, &mut st) };
    let fmt = st.st_mode & libc::S_IFMT;
    let res = if r == 0 && (fmt == libc::S_IFREG || fmt == libc::S_IFDIR) {
        [0, libc::EPERM as usize]
    } else if r != 0 {
        [0, std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EBADF) as usize]
    } else {
        let p = Box::new(PollDesc { fd: fd as i32, rd: 0, wd: 0, closing: false });
        [Box::into_raw(p) as usize, 0]
    };
    // SAFETY: out is writable for two words.
    unsafe { out.cast::<[usize; 2]>().write(res) }
}

/// `runtime_pollClose(ctx uintptr)`: frees the descriptor's record.
///
/// # Safety
/// `ctx` came from [`gort_pollopen`] and is not used again.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollclose(ctx: usize) {
    if ctx != 0 {
        // SAFETY: ctx is a Box made by gort_pollopen, closed once (internal/poll zeroes it).
        drop(unsafe { Box::from_raw(ctx as *mut PollDesc) });
    }
}

/// `runtime_pollReset(ctx uintptr, mode int) int`: whether an operation may start (gc's
/// `poll_runtime_pollReset`).
///
/// # Safety
/// `ctx` is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollreset(ctx: usize, mode: i64) -> i64 {
    // SAFETY: forwarded.
    check(unsafe { pd(ctx) }, mode)
}

/// `runtime_pollWait(ctx uintptr, mode int) int`: blocks until the descriptor is ready for
/// `mode` (or reports an error or hang-up, which the retried operation then returns), its
/// deadline passes, or it is being closed.
///
/// # Safety
/// `ctx` is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollwait(ctx: usize, mode: i64) -> i64 {
    // SAFETY: forwarded.
    let pd = unsafe { pd(ctx) };
    let events = match mode as u8 {
        b'r' => libc::POLLIN,
        b'w' => libc::POLLOUT,
        _ => libc::POLLIN | libc::POLLOUT,
    };
    loop {
        let e = check(pd, mode);
        if e != POLL_NO_ERROR {
            return e;
        }
        let d = match mode as u8 {
            b'r' => pd.rd,
            b'w' => pd.wd,
            _ => [pd.rd, pd.wd].into_iter().filter(|&d| d > 0).min().unwrap_or(0),
        };
        let timeout_ms = if d > 0 { ((d - gort_nanotime()).max(0) as u64).div_ceil(1_000_000).min(i32::MAX as u64) as i32 } else { -1 };
        let mut p = libc::pollfd { fd: pd.fd, events, revents: 0 };
        // SAFETY: one valid pollfd. The wait may block: `blocking` lets the other goroutines and
        // the collector go on meanwhile.
        let pp = &raw mut p;
        let r = crate::sched::syscall::blocking([ctx, pp as usize, 0, 0, 0, 0, 0, 0], || unsafe { libc::poll(pp, 1, timeout_ms) });
        if r > 0 {
            return POLL_NO_ERROR;
        }
        if r < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINTR);
            if errno != libc::EINTR && errno != libc::EAGAIN {
                // the operation itself will report what is wrong with the descriptor
                return POLL_NO_ERROR;
            }
        }
        // a timeout or an interruption: the loop rechecks the deadline
    }
}

/// `runtime_pollSetDeadline(ctx uintptr, d int64, mode int)`: `d` is a `runtimeNano` time
/// (0: none; negative: already passed) for reads (`'r'`), writes (`'w'`) or both.
///
/// # Safety
/// `ctx` is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollsetdeadline(ctx: usize, d: i64, mode: i64) {
    // SAFETY: forwarded.
    let pd = unsafe { pd(ctx) };
    if mode == b'r' as i64 || mode == (b'r' + b'w') as i64 {
        pd.rd = d;
    }
    if mode == b'w' as i64 || mode == (b'r' + b'w') as i64 {
        pd.wd = d;
    }
}

/// `runtime_pollUnblock(ctx uintptr)`: the descriptor is being closed; later waits fail with
/// `pollErrClosing` (gc also wakes blocked waiters; here no goroutine can be blocked in a wait
/// while another runs the close).
///
/// # Safety
/// `ctx` is open.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_pollunblock(ctx: usize) {
    // SAFETY: forwarded.
    unsafe { pd(ctx) }.closing = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_not_pollable_and_pipes_wait_with_deadlines() {
        let f = std::fs::File::open("/proc/self/exe").unwrap();
        let mut out = [0usize; 2];
        // SAFETY: out has two words.
        unsafe { gort_pollopen(std::os::fd::AsRawFd::as_raw_fd(&f) as usize, out.as_mut_ptr()) };
        assert_eq!(out, [0, libc::EPERM as usize]);
        let mut fds = [0i32; 2];
        // SAFETY: fds has two slots.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        // SAFETY: out has two words.
        unsafe { gort_pollopen(fds[0] as usize, out.as_mut_ptr()) };
        assert!(out[0] != 0 && out[1] == 0);
        let ctx = out[0];
        // SAFETY: ctx is open until gort_pollclose.
        unsafe {
            assert_eq!(gort_pollreset(ctx, b'r' as i64), POLL_NO_ERROR);
            gort_pollsetdeadline(ctx, gort_nanotime() + 20_000_000, b'r' as i64);
            assert_eq!(gort_pollwait(ctx, b'r' as i64), POLL_ERR_TIMEOUT, "nothing to read before the deadline");
            gort_pollsetdeadline(ctx, 0, b'r' as i64);
            assert_eq!(libc::write(fds[1], b"x".as_ptr().cast(), 1), 1);
            assert_eq!(gort_pollwait(ctx, b'r' as i64), POLL_NO_ERROR);
            gort_pollunblock(ctx);
            assert_eq!(gort_pollwait(ctx, b'r' as i64), POLL_ERR_CLOSING);
            gort_pollclose(ctx);
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
