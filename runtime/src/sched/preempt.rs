//! Preemption of long-running goroutines, after gc's `sysmon`/`retake` (`runtime/proc.go`) and its
//! cooperative `stackguard0 = stackPreempt` check.
//!
//! # The poll
//! Generated code polls [`PREEMPT_FLAG`] in every function prologue (except functions that call no
//! Go code), at every loop back-edge and at every label (a backward `goto`'s target) (a
//! load and a branch; `gojit dump` shows them): when the word is not zero it calls
//! [`gort_preempt_all`] in a cold block. The word is process-wide (JIT code cannot reach the running
//! goroutine cheaply), so it counts the outstanding requests of every program run in the process;
//! the slow path yields only when *its* run's request is pending, and otherwise returns at once.
//!
//! # The monitor
//! Each program run has one [`Sysmon`]: a thread that wakes every [`FORCE_PREEMPT`] and, for each
//! P whose goroutine has been running since its previous look (the P's tick is unchanged),
//! raises that P's request when something else waits for a P (`Sysmon::work_waiting`). The goroutine then yields at its next poll like `runtime.Gosched` (gc's
//! `gopreempt_m`: to the global run queue), so a tight `for {}` cannot starve the others. A
//! request still pending when the goroutine switches out for another reason is withdrawn by the
//! scheduler (it has already yielded).
//!
//! The same per-P request is how the scheduler reaches the goroutines running on other Ms: to stop
//! the world for the collector, to end the program, or to retire Ps when `GOMAXPROCS` shrinks
//! (`proc.rs`): the goroutine yields at its next poll and its M's g0 then sees why.
//!
//! # Invariant
//! `PREEMPT_FLAG` equals the number of (run, P) pairs whose `request` is set: it is only incremented by the
//! monitor after setting `request` from false, and decremented by whoever swaps `request` back to
//! false. The monitor is joined before its run's last request is withdrawn.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// The word generated code polls (bound into the JIT module as the data symbol
/// `gort_preempt_flag`): non-zero while some run's preemption request is pending. It has a cache
/// line to itself: every loop of every M reads it, so a neighbour written by one thread must not
/// make the other threads' polls miss.
pub static PREEMPT_FLAG: PollWord = PollWord(AtomicU32::new(0));

/// [`PREEMPT_FLAG`]'s cache-line-aligned, padded cell (its address is the word's).
#[repr(C, align(64))]
pub struct PollWord(pub AtomicU32);

impl std::ops::Deref for PollWord {
    type Target = AtomicU32;
    fn deref(&self) -> &AtomicU32 {
        &self.0
    }
}

/// gc's `forcePreemptNS`: a goroutine that runs this long without switching is asked to yield.
pub const FORCE_PREEMPT: Duration = Duration::from_millis(10);

/// The most Ps a run can have (gc's `_MaxGomaxprocs` is 1024; each P here is an OS thread).
pub const MAX_PROCS: usize = 256;

/// The preemption state of one P, shared with the monitor thread.
#[derive(Default)]
pub(crate) struct PState {
    /// Counts goroutine switches on this P (gc's `schedtick`).
    pub tick: AtomicU64,
    /// A goroutine (not g0) is running on this P's M.
    pub running: AtomicBool,
    /// A preemption request is pending for the goroutine running on this P.
    request: AtomicBool,
    /// The goroutine of this P's M is in a system call that may block (`sched/syscall.rs`): the
    /// monitor has the P's queued goroutines moved to the global queue (gc's `retake`).
    pub in_syscall: AtomicBool,
}

/// The preemption state one program run shares with its monitor thread.
pub(crate) struct Sysmon {
    /// One record per possible P (`MAX_PROCS`); the first `nprocs` are in use.
    pub ps: Vec<PState>,
    pub nprocs: AtomicUsize,
    stop: AtomicBool,
    /// Whether anything waits for a P (a runnable goroutine, a timer no idle M sleeps for): a
    /// goroutine that has run 10 ms is only asked to yield then (unset: always). Yielding with
    /// nothing else to run buys nothing, and a request is not free: the poll word is
    /// process-wide, so while one M's goroutine has not yet seen its request (its thread
    /// descheduled by the OS on a loaded machine), every other M's polls take the slow path.
    pub work_waiting: std::sync::OnceLock<Box<dyn Fn() -> bool + Send + Sync>>,
}

/// A run's monitor: its shared state and thread.
pub(crate) struct Monitor {
    pub state: Arc<Sysmon>,
    thread: Option<JoinHandle<()>>,
}

impl Monitor {
    /// Starts the monitor of a new program run. Without a thread (the system refuses one) the run
    /// still works, only without preemption.
    pub fn start() -> Monitor {
        let state = Arc::new(Sysmon {
            ps: (0..MAX_PROCS).map(|_| PState::default()).collect(),
            nprocs: AtomicUsize::new(1),
            stop: AtomicBool::new(false),
            work_waiting: std::sync::OnceLock::new(),
        });
        let s = state.clone();
        let thread = std::thread::Builder::new().name("sysmon".into()).stack_size(64 << 10).spawn(move || sysmon(&s)).ok();
        Monitor { state, thread }
    }

    /// Stops and joins the monitor, then withdraws any request it left.
    pub fn stop(&mut self) {
        self.state.stop.store(true, Ordering::Release);
        if let Some(t) = self.thread.take() {
            t.thread().unpark();
            let _ = t.join();
        }
        for p in 0..MAX_PROCS {
            self.state.withdraw(p);
        }
    }
}

impl Sysmon {
    /// Withdraws P `p`'s pending request; true if there was one.
    pub fn withdraw(&self, p: usize) -> bool {
        if self.ps[p].request.swap(false, Ordering::AcqRel) {
            PREEMPT_FLAG.fetch_sub(1, Ordering::AcqRel);
            return true;
        }
        false
    }

    /// Asks the goroutine running on P `p` to yield at its next poll (also how stopping the world
    /// and the end of the program reach the other Ms).
    pub fn raise(&self, p: usize) {
        if !self.ps[p].request.swap(true, Ordering::AcqRel) {
            PREEMPT_FLAG.fetch_add(1, Ordering::AcqRel);
        }
    }
}

/// The monitor loop (gc's `sysmon` reduced to `retake`'s preemption of long-running goroutines).
fn sysmon(s: &Sysmon) {
    let mut last_tick = vec![u64::MAX; MAX_PROCS];
    let mut quit_waited = Duration::ZERO;
    while !s.stop.load(Ordering::Acquire) {
        std::thread::park_timeout(FORCE_PREEMPT);
        if s.stop.load(Ordering::Acquire) {
            break;
        }
        if crate::signals::quit_pending() {
            // The running goroutine reports a SIGQUIT at its next poll; one that never comes
            // (stuck in a system call) must not keep the process alive.
            quit_waited += FORCE_PREEMPT;
            if quit_waited >= crate::signals::QUIT_GRACE {
                crate::signals::quit_header_and_exit();
            }
        }
        let n = s.nprocs.load(Ordering::Acquire).min(MAX_PROCS);
        let mut waiting = None;
        for (p, last) in last_tick.iter_mut().enumerate().take(n) {
            let tick = s.ps[p].tick.load(Ordering::Acquire);
            if s.ps[p].running.load(Ordering::Acquire)
                && tick == *last
                && *waiting.get_or_insert_with(|| s.work_waiting.get().is_none_or(|f| f()))
            {
                s.raise(p);
            }
            *last = tick;
        }
        // A P whose M sits in a system call cannot run its queue: `work_waiting` hands it to
        // the global queue and wakes an idle M.
        if waiting.is_none() && s.ps[..n].iter().any(|p| p.in_syscall.load(Ordering::Acquire)) {
            if let Some(f) = s.work_waiting.get() {
                f();
            }
        }
    }
}

crate::jit_entry! {
    /// The slow path of a preemption poll: yields the running goroutine when its run has a
    /// pending request (see the module comment), or writes the SIGQUIT report when one is pending
    /// (`signals.rs`). `system_v`; never panics.
    pub fn gort_preempt() => preempt_entry;
}

extern "C" fn preempt_entry(fp: usize, pc: usize) {
    if crate::signals::quit_pending() {
        crate::signals::sigquit_report(fp, pc);
    }
    if super::proc::take_preempt_request() {
        // Where a traceback of the runnable goroutine starts (a SIGQUIT report of all goroutines).
        super::proc::set_wait_frame(fp, pc);
        super::proc::gort_gosched();
    }
}

/// Defines `$name`, an entry point in Cranelift's `preserve_all` convention that calls the
/// `system_v` function `$target` (no arguments): it saves every caller-saved integer register and
/// all sixteen XMM registers (128 bits: generated code holds no wider values), keeps the
/// frame-pointer chain and DWARF call-frame information (a goroutine parked below is unwound like
/// any runtime frame), and calls `$target` with the stack 16-byte aligned.
#[macro_export]
macro_rules! preserve_all_shim {
    ($(#[$m:meta])* $vis:vis fn $name:ident() => $target:path;) => {
        $(#[$m])*
        #[unsafe(no_mangle)]
        #[unsafe(naked)]
        $vis unsafe extern "C" fn $name() {
            core::arch::naked_asm!(
                ".cfi_startproc",
                "push rbp",
                ".cfi_adjust_cfa_offset 8",
                ".cfi_offset rbp, -16",
                "mov rbp, rsp",
                ".cfi_def_cfa_register rbp",
                "push rax",
                "push rcx",
                "push rdx",
                "push rsi",
                "push rdi",
                "push r8",
                "push r9",
                "push r10",
                "push r11",
                // 9 pushes after rbp leave rsp 8 mod 16: 264 bytes realign it and hold the XMM registers
                "sub rsp, 264",
                "movdqu [rsp], xmm0",
                "movdqu [rsp + 16], xmm1",
                "movdqu [rsp + 32], xmm2",
                "movdqu [rsp + 48], xmm3",
                "movdqu [rsp + 64], xmm4",
                "movdqu [rsp + 80], xmm5",
                "movdqu [rsp + 96], xmm6",
                "movdqu [rsp + 112], xmm7",
                "movdqu [rsp + 128], xmm8",
                "movdqu [rsp + 144], xmm9",
                "movdqu [rsp + 160], xmm10",
                "movdqu [rsp + 176], xmm11",
                "movdqu [rsp + 192], xmm12",
                "movdqu [rsp + 208], xmm13",
                "movdqu [rsp + 224], xmm14",
                "movdqu [rsp + 240], xmm15",
                "call {target}",
                "movdqu xmm0, [rsp]",
                "movdqu xmm1, [rsp + 16]",
                "movdqu xmm2, [rsp + 32]",
                "movdqu xmm3, [rsp + 48]",
                "movdqu xmm4, [rsp + 64]",
                "movdqu xmm5, [rsp + 80]",
                "movdqu xmm6, [rsp + 96]",
                "movdqu xmm7, [rsp + 112]",
                "movdqu xmm8, [rsp + 128]",
                "movdqu xmm9, [rsp + 144]",
                "movdqu xmm10, [rsp + 160]",
                "movdqu xmm11, [rsp + 176]",
                "movdqu xmm12, [rsp + 192]",
                "movdqu xmm13, [rsp + 208]",
                "movdqu xmm14, [rsp + 224]",
                "movdqu xmm15, [rsp + 240]",
                "add rsp, 264",
                "pop r11",
                "pop r10",
                "pop r9",
                "pop r8",
                "pop rdi",
                "pop rsi",
                "pop rdx",
                "pop rcx",
                "pop rax",
                "pop rbp",
                ".cfi_def_cfa rsp, 8",
                "ret",
                ".cfi_endproc",
                target = sym $target,
            );
        }
    };
}

crate::preserve_all_shim! {
    /// The entry point generated code's polls call: [`gort_preempt`] in the `preserve_all`
    /// convention ([`crate::preserve_all_shim`]), so a poll clobbers no register and the values
    /// live across it (loop counters, arguments) stay in registers instead of being spilled or
    /// kept in callee-saved registers on the fast path.
    ///
    /// # Safety
    /// Only for JIT code's preemption polls (called with the `preserve_all` convention, no
    /// arguments, from a 16-byte-aligned call site).
    pub fn gort_preempt_all() => gort_preempt;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monitor_raises_for_a_goroutine_that_keeps_running_and_stop_withdraws() {
        let mut m = Monitor::start();
        m.state.ps[0].running.store(true, Ordering::Release);
        let t0 = std::time::Instant::now();
        while !m.state.ps[0].request.load(Ordering::Acquire) {
            assert!(t0.elapsed() < Duration::from_secs(5), "no preemption request raised");
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(PREEMPT_FLAG.load(Ordering::Acquire) >= 1);
        m.stop();
        assert!(!m.state.ps[0].request.load(Ordering::Acquire));
    }
}
