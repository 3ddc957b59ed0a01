//! Stopping the world (gc's `stopTheWorld`/`startTheWorld`), for the collector.
//!
//! Contract: on return from [`stop_the_world`] every other M is parked at a safepoint with its
//! registers saved on its goroutine stack, and all Gs with their stack bounds and saved sp are
//! enumerable ([`for_each_g`]); nothing but the caller runs Go code until [`start_the_world`].
//!
//! This is the single-P implementation: one M runs every goroutine of a program and switches
//! only at blocking operations, so when the running goroutine calls here every other goroutine is
//! already parked in `gort_swap_stack`, whose saved sp points at its pushed callee-saved registers.
//! A multi-M scheduler replaces the bodies (preempt every M at its next poll, wait for them).
//! Calls nest: the world restarts when the outermost stop is undone.

use super::proc::{self, G};
use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Stops every other M of this program at a safepoint (see the module contract).
pub fn stop_the_world() {
    DEPTH.with(|d| d.set(d.get() + 1));
}

/// Lets the Ms stopped by [`stop_the_world`] run again.
pub fn start_the_world() {
    DEPTH.with(|d| {
        debug_assert!(d.get() > 0, "start_the_world without stop_the_world");
        d.set(d.get().saturating_sub(1))
    });
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
