//! Raw Linux system calls as gc's `internal/runtime/syscall/linux.Syscall6` and
//! `syscall.rawSyscallNoError` (the `SYSCALL` instruction, gc's result convention), and the other
//! machine-level bodies GOROOT's `syscall`, `os` and `internal/syscall/unix` link to.
//!
//! The calls are made with the `syscall` instruction itself (not libc's `syscall(3)`), so that,
//! as under gc, the second result is the kernel's `rdx` and libc's `errno` is untouched. A call
//! that blocks blocks its thread (GOROOT's I/O is blocking here, `sys::poll`), but not the others:
//! `sched::syscall::blocking` brackets it as gc's `entersyscall`/`exitsyscall` do, so a
//! stop-the-world does not wait for it and its P's queued goroutines move to the global queue
//! (GOROOT's own `runtime_entersyscall`/`exitsyscall` hooks stay empty, hooks.rs).

use std::arch::asm;

/// `SYSCALL` with six arguments: `(rax, rdx)` as the kernel leaves them.
///
/// # Safety
/// The system call may do anything its arguments ask (write memory the pointers name, end the
/// process...): the caller (GOROOT's `syscall` package) passes arguments valid for `num`.
unsafe fn raw6(num: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize) -> (usize, usize) {
    let r1: usize;
    let r2: usize;
    // SAFETY: the Linux x86-64 system call convention: number in rax, arguments in rdi, rsi, rdx,
    // r10, r8, r9; rcx and r11 are clobbered; the result is in rax (and rdx for a few calls).
    unsafe {
        asm!(
            "syscall",
            inlateout("rax") num => r1,
            in("rdi") a1,
            in("rsi") a2,
            inlateout("rdx") a3 => r2,
            in("r10") a4,
            in("r8") a5,
            in("r9") a6,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    (r1, r2)
}

/// `internal/runtime/syscall/linux.Syscall6(num, a1..a6 uintptr) (r1, r2, errno uintptr)`,
/// results written to `out[0..3]`: as gc's assembly, a kernel result in `-4095..-1` is an error
/// (`r1 = -1, r2 = 0, errno = -result`), otherwise `r1, r2` are `rax, rdx` and `errno` is 0.
///
/// # Safety
/// `out` is writable for three words; the arguments are valid for the system call `num`.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn gort_syscall6(num: usize, a1: usize, a2: usize, a3: usize, a4: usize, a5: usize, a6: usize, out: *mut usize) {
    // SAFETY: forwarded. The call may block: `blocking` lets the other goroutines (and the
    // collector) go on meanwhile, keeping the argument words alive.
    let (r1, r2) = crate::sched::syscall::blocking([num, a1, a2, a3, a4, a5, a6, out as usize], || unsafe {
        raw6(num, a1, a2, a3, a4, a5, a6)
    });
    let res = if r1 > (-4096isize) as usize { [usize::MAX, 0, r1.wrapping_neg()] } else { [r1, r2, 0] };
    // SAFETY: out is writable for three words.
    unsafe { out.cast::<[usize; 3]>().write(res) }
}

/// `syscall.rawSyscallNoError(trap, a1, a2, a3 uintptr) (r1, r2 uintptr)`: a call that cannot
/// fail (`getpid`, `gettid`, ...), `rax` and `rdx` written to `out[0..2]`.
///
/// # Safety
/// `out` is writable for two words; the arguments are valid for the system call `trap`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_rawsyscall_noerror(trap: usize, a1: usize, a2: usize, a3: usize, out: *mut usize) {
    // SAFETY: forwarded.
    let (r1, r2) = unsafe { raw6(trap, a1, a2, a3, 0, 0, 0) };
    // SAFETY: out is writable for two words.
    unsafe { out.cast::<[usize; 2]>().write([r1, r2]) }
}

/// `syscall.gettimeofday(tv *Timeval) Errno` (gc calls the vDSO): fills `*tv`, returns the
/// error number or 0.
///
/// # Safety
/// `tv` points to a writable `syscall.Timeval` (two int64 words, the kernel's `timeval`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_gettimeofday(tv: *mut libc::timeval) -> usize {
    // SAFETY: tv is writable; a null timezone is allowed.
    let r = unsafe { libc::gettimeofday(tv, std::ptr::null_mut()) };
    if r == 0 { 0 } else { std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL) as usize }
}

/// `os.sigpipe()` (gc's `os_sigpipe`): a write to standard output or error hit a broken pipe, so
/// the process dies of `SIGPIPE` as gc's does (`os.epipecheck`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_sigpipe() {
    crate::output::die_of_sigpipe()
}

/// `internal/poll.runtime_Semrelease(sema *uint32)` (gc's `poll_runtime_Semrelease`: no hand-off).
///
/// # Safety
/// `addr` is a live `uint32` in Go memory.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_semrelease_nohandoff(addr: *mut u32) {
    // SAFETY: forwarded.
    unsafe { crate::sched::sema::semrelease1(addr, false) }
}

/// `internal/syscall/unix.fcntl(fd, cmd, arg int32) (int32, int32)` (gc's `runtime.fcntl`): the
/// call's result and 0, or -1 and the error number, written to `out[0..2]`.
///
/// # Safety
/// `out` is writable for two words; `cmd` takes an integer argument (not a pointer).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_fcntl(fd: i32, cmd: i32, arg: i32, out: *mut i64) {
    // SAFETY: forwarded (an integer-argument fcntl).
    let (r, _) = unsafe { raw6(libc::SYS_fcntl as usize, fd as isize as usize, cmd as isize as usize, arg as isize as usize, 0, 0, 0) };
    let r = r as i64;
    let res = if (-4095..0).contains(&r) { [-1, -r] } else { [r as i32 as i64, 0] };
    // SAFETY: out is writable for two words.
    unsafe { out.cast::<[i64; 2]>().write(res) }
}

/// `internal/syscall/unix.vgetrandom(p []byte, flags uint32) (ret int, supported bool)` (gc's
/// vDSO `getrandom`): gojit does not call the vDSO, so it answers as gc does on a kernel without
/// it, `(-1, false)`, and the caller makes the `getrandom` system call.
///
/// # Safety
/// `out` is writable for two words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_vgetrandom(_p: usize, _len: usize, _cap: usize, _flags: u32, out: *mut i64) {
    // SAFETY: out is writable for two words.
    unsafe { out.cast::<[i64; 2]>().write([-1, 0]) }
}

/// `syscall.rawVforkSyscall(trap, a1, a2, a3 uintptr) (r1 uintptr, err Errno)`: gc's assembly
/// makes the `clone`/`clone3` call with `CLONE_VM | CLONE_VFORK`, the child borrowing the parent's
/// stack until it execs. A Rust function cannot return through a borrowed stack safely, so
/// gojit clears those two flags: the child gets a copy of the address space (a plain fork) and
/// runs the same code path to `execve`; the parent does not wait for the exec, which only
/// affects how soon `StartProcess` returns.
///
/// # Safety
/// `out` is writable for two words; the arguments are `forkAndExecInChild1`'s.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_rawvforksyscall(trap: usize, a1: usize, a2: usize, a3: usize, out: *mut usize) {
    let strip = (libc::CLONE_VM | libc::CLONE_VFORK) as usize;
    let mut a1 = a1;
    if trap == libc::SYS_clone as usize {
        a1 &= !strip;
    } else if trap == libc::SYS_clone3 as usize && a1 != 0 {
        // SAFETY: a1 points to syscall's cloneArgs, whose first word is the flags.
        unsafe { *(a1 as *mut u64) &= !(strip as u64) };
    }
    // SAFETY: forwarded; without CLONE_VM the child runs on its own copy of this stack.
    let (r1, _) = unsafe { raw6(trap, a1, a2, a3, 0, 0, 0) };
    let res = if r1 > (-4096isize) as usize { [usize::MAX, r1.wrapping_neg()] } else { [r1, 0] };
    // SAFETY: out is writable for two words.
    unsafe { out.cast::<[usize; 2]>().write(res) }
}

/// `syscall.runtime_AfterForkInChild()`: gc restores the default action of every signal the
/// runtime caught or ignored, so the program `exec`s with default dispositions; the one the
/// process ignores here is Rust's `SIGPIPE`.
#[unsafe(no_mangle)]
pub extern "C" fn gort_afterforkinchild() {
    // SAFETY: setting a default disposition in the single-threaded child.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
}

/// `syscall.cgocaller(fn unsafe.Pointer, args ...uintptr) uintptr`: called only when a cgo libc
/// function is registered, which never happens under gojit (no cgo).
#[unsafe(no_mangle)]
pub extern "C" fn gort_cgocaller(_f: usize, _p: usize, _len: usize, _cap: usize) -> usize {
    crate::panic::fatal("cgocaller: gojit has no cgo")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syscall6_returns_results_and_errnos_as_gc() {
        let mut out = [7usize; 3];
        // SAFETY: getpid takes no arguments; out has three words.
        unsafe { gort_syscall6(libc::SYS_getpid as usize, 0, 0, 0, 0, 0, 0, out.as_mut_ptr()) };
        assert_eq!(out[0], std::process::id() as usize);
        assert_eq!(out[2], 0);
        // close(-1): EBADF, r1 = -1, r2 = 0
        // SAFETY: closing an invalid descriptor only fails.
        unsafe { gort_syscall6(libc::SYS_close as usize, usize::MAX, 0, 0, 0, 0, 0, out.as_mut_ptr()) };
        assert_eq!(out, [usize::MAX, 0, libc::EBADF as usize]);
        let mut two = [0usize; 2];
        // SAFETY: gettid takes no arguments; two words.
        unsafe { gort_rawsyscall_noerror(libc::SYS_gettid as usize, 0, 0, 0, two.as_mut_ptr()) };
        // SAFETY: plain gettid.
        assert_eq!(two[0], unsafe { libc::gettid() } as usize);
        let mut fl = [5i64; 2];
        // SAFETY: F_GETFD on descriptor 0 (open under cargo test) and on -1.
        unsafe { gort_fcntl(-1, libc::F_GETFD, 0, fl.as_mut_ptr()) };
        assert_eq!(fl, [-1, libc::EBADF as i64]);
    }
}
