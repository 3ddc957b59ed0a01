//! System calls that may block (gc's `entersyscall`/`exitsyscall`, `runtime/proc.go`): a
//! goroutine blocked in `read(2)` or `poll(2)` must not stop the world from stopping, nor keep the
//! goroutines queued on its P from running.
//!
//! [`blocking`] wraps the call: it spills the callee-saved registers and the call's argument
//! words into its own frame and marks the goroutine as in a system call with its stack pointer
//! (`proc::enter_syscall`). While it is in the kernel, the collector scans its stack from there
//! (the spilled words keep alive whatever its callers hold only in registers, such as the buffer
//! a `read` fills) and a stop-the-world does not wait for it; on the way back it waits for a
//! stop-the-world in progress to end before running Go code again (`proc::exit_syscall`). A call
//! that lasts past the preemption monitor's next look (10 ms) loses its P's queued goroutines to
//! the global queue, where an idle M runs them (gc's `retake`).
//!
//! Not done yet: with `GOMAXPROCS=1` no other M exists to run the other goroutines while one is
//! blocked (gc starts or wakes an M for its P, `handoffp`); here Ms and Ps are paired.

/// Runs `call` (a system call that may block) as gc's `entersyscall`/`exitsyscall` bracket
/// would; `keep` are the call's argument words (spilled for the collector, see the module docs).
#[inline(never)]
pub fn blocking<R>(keep: [usize; 8], call: impl FnOnce() -> R) -> R {
    let mut regs = [0usize; 6];
    let keep = std::hint::black_box(keep);
    let sp = spill(&mut regs);
    let regs = std::hint::black_box(&mut regs);
    let entered = super::proc::enter_syscall(sp);
    let r = call();
    if entered {
        super::proc::exit_syscall();
    }
    // The spilled words must stay in this frame until the call has returned.
    std::hint::black_box((&keep, regs));
    r
}

/// Reads the stack pointer and the callee-saved registers into `regs` (as the collector's own
/// spill in `gc/mod.rs`).
#[inline(always)]
fn spill(regs: &mut [usize; 6]) -> usize {
    let sp: usize;
    // SAFETY: only reads registers into locals.
    unsafe {
        std::arch::asm!(
            "mov {sp}, rsp",
            "mov {a}, rbx",
            "mov {b}, rbp",
            "mov {c}, r12",
            "mov {d}, r13",
            "mov {e}, r14",
            "mov {f}, r15",
            sp = out(reg) sp,
            a = out(reg) regs[0],
            b = out(reg) regs[1],
            c = out(reg) regs[2],
            d = out(reg) regs[3],
            e = out(reg) regs[4],
            f = out(reg) regs[5],
            options(nomem, nostack, preserves_flags)
        );
    }
    sp
}

#[cfg(test)]
mod tests {
    #[test]
    fn outside_a_program_the_call_just_runs() {
        assert_eq!(super::blocking([1, 2, 3, 4, 5, 6, 7, 8], || 42), 42);
    }
}
