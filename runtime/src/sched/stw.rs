//! Stopping the world (gc's `stopTheWorld`/`startTheWorld`), for the collector.
//!
//! Contract: on return from [`stop_the_world`] every other M is parked at a safepoint with its
//! registers saved on its goroutine stack, and all Gs with their stack bounds and saved sp are
//! enumerable ([`for_each_g`]); nothing but the caller runs Go code until [`start_the_world`].
//!
//! The caller runs on a goroutine. Every other M stops at its next preemption poll or blocking
//! point: `proc::stop_others` raises a preemption request on each P running a goroutine and
//! waits until its own M is the only one running one; an M's g0 that sees the stop parks instead
//! of scheduling (and runs no timers), so every other goroutine is switched out by
//! `gort_swap_stack`, whose saved sp points at its pushed callee-saved registers (a goroutine
//! stopped at a poll also has its caller-saved registers pushed above, by `gort_preempt_all`).
//! When another M is already stopping the world, the caller stops for it instead and
//! [`stop_the_world`] returns false (the caller must then not collect).
//! Calls nest: the world restarts when the outermost stop is undone.

use super::proc::{self, G};
use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Stops every other M of this program at a safepoint (see the module contract). False when
/// another M stopped the world first: this goroutine has waited for that stop to end and the
/// world is not stopped for it.
pub fn stop_the_world() -> bool {
    if DEPTH.with(|d| d.get()) == 0 && !proc::current().is_null() {
        // SAFETY: on a goroutine of this thread's program, which holds no lock at a safepoint.
        if !unsafe { proc::stop_others() } {
            return false;
        }
    }
    DEPTH.with(|d| d.set(d.get() + 1));
    true
}

/// Lets the Ms stopped by [`stop_the_world`] run again.
pub fn start_the_world() {
    let outermost = DEPTH.with(|d| {
        debug_assert!(d.get() > 0, "start_the_world without stop_the_world");
        d.set(d.get().saturating_sub(1));
        d.get() == 0
    });
    if outermost && !proc::current().is_null() {
        // SAFETY: this thread stopped the world (the outermost stop) and holds no lock.
        unsafe { proc::start_others() };
    }
}

/// True between [`stop_the_world`] and the matching [`start_the_world`].
pub fn world_stopped() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

/// One goroutine as the collector sees it: its stack bounds and, when it is not running, the sp
/// saved by its last switch (`None` for the running goroutine: scan from the current sp).
#[derive(Clone, Copy, Debug)]
pub struct GStack {
    pub g: *mut G,
    pub lo: usize,
    pub hi: usize,
    pub saved_sp: Option<usize>,
}

/// Calls `f` for every live goroutine of this thread's program. Only valid with the world stopped.
pub fn for_each_g(mut f: impl FnMut(GStack)) {
    debug_assert!(world_stopped(), "for_each_g needs the world stopped");
    proc::for_each_g(|g, lo, hi, sp, running| f(GStack { g, lo, hi, saved_sp: (!running).then_some(sp) }));
}
