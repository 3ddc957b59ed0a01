//! Preemption of long-running goroutines, after gc's `sysmon`/`retake` (`runtime/proc.go`) and its
//! cooperative `stackguard0 = stackPreempt` check.
//!
//! # The poll
//! Generated code polls [`PREEMPT_FLAG`] in every function prologue, at every loop back-edge and at
//! every label (a backward `goto`'s target) (a
//! load and a branch; `gojit dump` shows them): when the word is not zero it calls
//! [`gort_preempt`] in a cold block. The word is process-wide (JIT code cannot reach the running
//! goroutine cheaply), so it counts the outstanding requests of every program run in the process;
//! the slow path yields only when *its* run's request is pending, and otherwise returns at once.
//!
//! # The monitor
//! Each program run has one [`Sysmon`]: a thread that wakes every [`FORCE_PREEMPT`] and, when the
//! same goroutine has been running since its previous look (the scheduler's tick is unchanged),
//! raises a request. The goroutine then yields at its next poll like `runtime.Gosched` (gc's
//! `gopreempt_m`: to the global run queue), so a tight `for {}` cannot starve the others. A
//! request still pending when the goroutine switches out for another reason is withdrawn by the
//! scheduler (it has already yielded).
//!
//! # Invariant
//! `PREEMPT_FLAG` equals the number of runs whose `request` is set: it is only incremented by the
//! monitor after setting `request` from false, and decremented by whoever swaps `request` back to
//! false. The monitor is joined before its run's last request is withdrawn.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// The word generated code polls (bound into the JIT module as the data symbol
/// `gort_preempt_flag`): non-zero while some run's preemption request is pending.
pub static PREEMPT_FLAG: AtomicU32 = AtomicU32::new(0);

/// gc's `forcePreemptNS`: a goroutine that runs this long without switching is asked to yield.
pub const FORCE_PREEMPT: Duration = Duration::from_millis(10);

/// The preemption state one program run shares with its monitor thread.
pub(crate) struct Sysmon {
    /// Counts goroutine switches (gc's `schedtick`).
    pub tick: AtomicU64,
    /// A goroutine (not g0) is running.
    pub running: AtomicBool,
    /// A preemption request is pending for the running goroutine.
    request: AtomicBool,
    stop: AtomicBool,
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
            tick: AtomicU64::new(0),
            running: AtomicBool::new(false),
            request: AtomicBool::new(false),
            stop: AtomicBool::new(false),
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
        self.state.withdraw();
    }
}

impl Sysmon {
    /// Withdraws a pending request; true if there was one.
    pub fn withdraw(&self) -> bool {
        if self.request.swap(false, Ordering::AcqRel) {
            PREEMPT_FLAG.fetch_sub(1, Ordering::AcqRel);
            return true;
        }
        false
    }

    fn raise(&self) {
        if !self.request.swap(true, Ordering::AcqRel) {
            PREEMPT_FLAG.fetch_add(1, Ordering::AcqRel);
        }
    }
}

/// The monitor loop (gc's `sysmon` reduced to `retake`'s preemption of long-running goroutines).
fn sysmon(s: &Sysmon) {
    let mut last_tick = u64::MAX;
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
        let tick = s.tick.load(Ordering::Acquire);
        if s.running.load(Ordering::Acquire) && tick == last_tick {
            s.raise();
        }
        last_tick = tick;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monitor_raises_for_a_goroutine_that_keeps_running_and_stop_withdraws() {
        let mut m = Monitor::start();
        m.state.running.store(true, Ordering::Release);
        let t0 = std::time::Instant::now();
        while !m.state.request.load(Ordering::Acquire) {
            assert!(t0.elapsed() < Duration::from_secs(5), "no preemption request raised");
            std::thread::sleep(Duration::from_millis(1));
        }
        assert!(PREEMPT_FLAG.load(Ordering::Acquire) >= 1);
        m.stop();
        assert!(!m.state.request.load(Ordering::Acquire));
    }
}
