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
//! the global queue, where an idle M runs them (gc's `retake`). When no M is idle and there is
//! work (queued goroutines, a pending timer), the monitor gives the P itself to another M, a
//! spare one or a new thread (`proc::handoff_p`, gc's `handoffp`/`startm`), so that even at
//! `GOMAXPROCS=1` the others run. The M in the call is then detached: `proc::exit_syscall` sees
//! it under the scheduler lock, switches to its g0, which queues the goroutine on the global
//! queue (gc's `exitsyscall0` when no P is idle) and waits as a spare M (gc's `stopm`).

/// Runs `call` (a system call that may block) as gc's `entersyscall`/`exitsyscall` bracket
/// would; `keep` are the call's argument words (spilled for the collector, see the module docs).
#[inline(never)]
pub fn blocking<R>(keep: [usize; 8], call: impl FnOnce() -> R) -> R {
    let mut regs = [0usize; 6];
    let keep = std::hint::black_box(keep);
    let sp = crate::arch::spill_callee_saved(&mut regs);
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


#[cfg(test)]
mod tests {
    #[test]
    fn outside_a_program_the_call_just_runs() {
        assert_eq!(super::blocking([1, 2, 3, 4, 5, 6, 7, 8], || 42), 42);
    }
}
