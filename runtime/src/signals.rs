//! gc's dispositions for the asynchronous signals a Go program does not ask for (gc's signal
//! table, `sigtable.go`):
//!
//! - SIGUSR1, SIGUSR2 and SIGALRM are `_SigNotify` signals, so without `os/signal` gc's handler
//!   receives and drops them (the program keeps running) instead of dying by the default action.
//!   (A disposition that was SIG_IGN at start-up stays ignored: the same outcome.)
//! - SIGQUIT is `_SigNotify + _SigThrow`: gc prints `SIGQUIT: quit`, the pc, every goroutine's
//!   traceback and the registers, and exits with status 2, even when SIGQUIT was ignored at
//!   start-up (`sigInstallGoHandler` respects an inherited SIG_IGN only for SIGHUP and SIGINT).
//!
//! The SIGQUIT handler only records the interrupted context (pc, registers, `si_code`) in atomics
//! and raises the preemption word; the report is written by the goroutine at its next preemption
//! poll ([`sigquit_report`], called from `gort_preempt`), outside signal context, where the
//! scheduler's records and the frame walker may be used. While no program runs (compiling), or if
//! the poll does not come within [`QUIT_GRACE`] (the goroutine is stuck in a system call), the
//! report is the header alone. The fault signals are `trampoline.rs`'s business.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::time::Duration;

/// The signals gc receives and drops when the program has not asked for them.
const DROPPED: [libc::c_int; 3] = [libc::SIGUSR1, libc::SIGUSR2, libc::SIGALRM];

/// How long the monitor waits for the running goroutine to reach a poll after SIGQUIT.
pub const QUIT_GRACE: Duration = Duration::from_secs(1);

/// A SIGQUIT arrived (set once; the process ends after it).
static QUIT: AtomicBool = AtomicBool::new(false);
/// A Go program is running (its goroutine will reach a preemption poll).
static RUNNING: AtomicBool = AtomicBool::new(false);
static QUIT_CODE: AtomicI32 = AtomicI32::new(0);
/// The interrupted context's registers in gc's `dumpregs` order ([`REG_NAMES`]).
static QUIT_REGS: [AtomicU64; 21] = [const { AtomicU64::new(0) }; 21];

/// gc's `dumpregs` (signal_amd64.go): names padded to 7 columns, in its order.
const REG_NAMES: [&str; 21] = [
    "rax    ", "rbx    ", "rcx    ", "rdx    ", "rdi    ", "rsi    ", "rbp    ", "rsp    ", "r8     ", "r9     ",
    "r10    ", "r11    ", "r12    ", "r13    ", "r14    ", "r15    ", "rip    ", "rflags ", "cs     ", "fs     ",
    "gs     ",
];
/// `libc::REG_*` index of each of [`REG_NAMES`] in `uc_mcontext.gregs` (cs/fs/gs: `REG_CSGSFS`).
const GREG_INDEX: [libc::c_int; 18] = [
    libc::REG_RAX, libc::REG_RBX, libc::REG_RCX, libc::REG_RDX, libc::REG_RDI, libc::REG_RSI, libc::REG_RBP,
    libc::REG_RSP, libc::REG_R8, libc::REG_R9, libc::REG_R10, libc::REG_R11, libc::REG_R12, libc::REG_R13,
    libc::REG_R14, libc::REG_R15, libc::REG_RIP, libc::REG_EFL,
];

extern "C" fn drop_signal(_sig: libc::c_int) {}

/// The SIGQUIT handler: records the context, then asks the running goroutine to report (or, with
/// no program running, reports the header and exits). Async-signal-safe: atomics, `write`, `_exit`.
extern "C" fn sigquit(_sig: libc::c_int, info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    if QUIT.swap(true, Ordering::AcqRel) {
        return;
    }
    // SAFETY: the kernel passes valid siginfo and ucontext pointers to an SA_SIGINFO handler.
    unsafe {
        QUIT_CODE.store((*info).si_code, Ordering::Release);
        let g = &(*(uc as *const libc::ucontext_t)).uc_mcontext.gregs;
        for (i, &r) in GREG_INDEX.iter().enumerate() {
            QUIT_REGS[i].store(g[r as usize] as u64, Ordering::Release);
        }
        // REG_CSGSFS packs cs, gs, fs (16 bits each, in that order).
        let csgsfs = g[libc::REG_CSGSFS as usize] as u64;
        QUIT_REGS[18].store(csgsfs & 0xffff, Ordering::Release);
        QUIT_REGS[20].store((csgsfs >> 16) & 0xffff, Ordering::Release);
        QUIT_REGS[19].store((csgsfs >> 32) & 0xffff, Ordering::Release);
    }
    if RUNNING.load(Ordering::Acquire) {
        crate::sched::preempt::PREEMPT_FLAG.fetch_add(1, Ordering::AcqRel);
    } else {
        let mut buf = [0u8; 128];
        let n = header_into(&mut buf);
        // SAFETY: write(2) and _exit(2) are async-signal-safe; buf holds n bytes.
        unsafe {
            libc::write(2, buf.as_ptr().cast(), n);
            libc::_exit(2);
        }
    }
}

/// `SIGQUIT: quit\nPC=0x... m=0 sigcode=N\n\n` into `buf` without allocating; returns its length.
fn header_into(buf: &mut [u8; 128]) -> usize {
    let mut n = 0;
    let mut put = |b: &[u8]| {
        for &c in b {
            if n < buf.len() {
                buf[n] = c;
                n += 1;
            }
        }
    };
    put(b"SIGQUIT: quit\nPC=0x");
    let pc = QUIT_REGS[16].load(Ordering::Acquire);
    let mut digits = [0u8; 16];
    let mut k = 0;
    let mut v = pc;
    loop {
        digits[k] = b"0123456789abcdef"[(v & 15) as usize];
        k += 1;
        v >>= 4;
        if v == 0 {
            break;
        }
    }
    digits[..k].reverse();
    put(&digits[..k]);
    put(b" m=0 sigcode=");
    let code = QUIT_CODE.load(Ordering::Acquire);
    let mut d = [0u8; 12];
    let mut k = 0;
    let mut c = code.unsigned_abs();
    loop {
        d[k] = b'0' + (c % 10) as u8;
        k += 1;
        c /= 10;
        if c == 0 {
            break;
        }
    }
    if code < 0 {
        d[k] = b'-';
        k += 1;
    }
    d[..k].reverse();
    put(&d[..k]);
    put(b"\n\n");
    n
}

/// Installs the handlers: [`DROPPED`] signals dropped, SIGQUIT reported as gc. Idempotent.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        for sig in DROPPED {
            // SAFETY: a zeroed sigaction is valid; drop_signal is a plain handler that touches
            // nothing (async-signal-safe); querying first keeps an inherited SIG_IGN.
            unsafe {
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(sig, std::ptr::null(), &mut old);
                if old.sa_sigaction == libc::SIG_IGN {
                    continue;
                }
                let mut sa: libc::sigaction = std::mem::zeroed();
                sa.sa_sigaction = drop_signal as *const () as usize;
                sa.sa_flags = libc::SA_RESTART | libc::SA_ONSTACK;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, std::ptr::null_mut());
            }
        }
        // SAFETY: as above; sigquit has the SA_SIGINFO signature and is async-signal-safe.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = sigquit as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART | libc::SA_ONSTACK;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(libc::SIGQUIT, &sa, std::ptr::null_mut());
        }
    });
}

/// Marks a Go program as running (`true`) or finished on this process's run thread. A SIGQUIT
/// that arrived while it ran and was not reported yet is reported (header only) when it ends.
pub fn set_running(on: bool) {
    RUNNING.store(on, Ordering::Release);
    if !on && QUIT.load(Ordering::Acquire) {
        quit_header_and_exit();
    }
}

/// A SIGQUIT is waiting for the running goroutine's report.
pub fn quit_pending() -> bool {
    QUIT.load(Ordering::Acquire)
}

/// The report when no goroutine can give its traceback: the header, then exit status 2.
pub fn quit_header_and_exit() -> ! {
    let mut buf = [0u8; 128];
    let n = header_into(&mut buf);
    crate::output::write_stderr(&buf[..n]);
    // SAFETY: _exit ends the process without unwinding.
    unsafe { libc::_exit(2) }
}

/// gc's SIGQUIT report, written by the running goroutine at a preemption poll in the JIT frame
/// `(fp, pc)`: the header, `goroutine N [running]:` with its frames, every other goroutine with
/// its state and frames, a blank line and the registers at the signal; then exit status 2 (no
/// deferred calls run, as in gc).
pub fn sigquit_report(fp: usize, pc: usize) -> ! {
    let mut buf = [0u8; 128];
    let n = header_into(&mut buf);
    let mut out = String::from_utf8_lossy(&buf[..n]).into_owned();
    crate::sched::proc::append_all_goroutines(&mut out, fp, pc);
    out.push('\n');
    for (i, name) in REG_NAMES.iter().enumerate() {
        let _ = writeln!(out, "{name}{:#x}", QUIT_REGS[i].load(Ordering::Acquire));
    }
    crate::output::write_stderr(out.as_bytes());
    // SAFETY: _exit ends the process without unwinding.
    unsafe { libc::_exit(2) }
}
