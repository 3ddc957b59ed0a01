//! The collector's roots (gc's `markroot`): where live Go pointers can be outside the heap.
//!
//! - every goroutine's stack from its current (or saved) stack pointer up to its top, scanned
//!   conservatively: JIT frames carry no stack maps, and a parked goroutine's callee-saved
//!   registers were pushed below its saved sp by `gort_swap_stack` (the running one's by the
//!   collector itself, see `gc::collect`);
//! - each goroutine's record in Rust memory: its start closure, chained defer records' closures,
//!   a caught method panic (`sched::proc::for_each_g_root`);
//! - the scheduler's timer heap and fired timer calls (`sched::proc::for_each_sched_root`): a
//!   `time.AfterFunc` timer nobody references stays alive while it is armed, as in gc;
//! - package variables: the data segment (`mem::data`) and blocks registered with
//!   [`register`] (variables placed elsewhere when the segment is unavailable);
//! - finalizer records (`gc::finalizer::mark_roots`, called by the collector after these: an
//!   object with a finalizer has its contents scanned but is not itself marked).
//!
//! The runtime keeps no other Go pointer in Rust memory across a safepoint: maps' entry arrays
//! and channels are Go heap objects reached from their headers; values cached in Rust statics
//! (itabs, the `errors` package's sentinel values) are persistent, outside the collected heap.

use super::mark::Marker;
use crate::mem::data;
use crate::sched::{proc, stw};
use std::sync::Mutex;

/// Extra root ranges `[lo, hi)` (package variables outside the data segment).
static EXTRA: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

/// Registers `[lo, lo + size)` as a root range for every later collection (it must stay
/// readable for the rest of the process).
pub fn register(lo: usize, size: usize) {
    EXTRA.lock().unwrap_or_else(|e| e.into_inner()).push((lo, lo + size));
}

/// Marks from every root. `cur_sp` is the running goroutine's stack pointer (below the
/// collector's frames and its spilled registers). False (nothing marked reliably) when the
/// running goroutine's stack does not contain `cur_sp`.
///
/// # Safety
/// The world must be stopped and `cur_sp` must be this thread's current stack pointer.
pub(super) unsafe fn mark_roots(m: &mut Marker<'_>, cur_sp: usize) -> bool {
    let mut ok = true;
    let mut stacks: Vec<(usize, usize, *mut proc::G)> = Vec::new();
    stw::for_each_g(|g| {
        let start = g.saved_sp.unwrap_or(cur_sp);
        if start < g.lo || start > g.hi {
            ok = false;
        }
        stacks.push((start, g.hi, g.g));
    });
    if !ok {
        return false;
    }
    for (lo, hi, g) in stacks {
        m.stack_bytes += hi - lo;
        // SAFETY: [lo, hi) is the used part of a live goroutine's stack (mapped, readable).
        unsafe { m.range(lo, hi) };
        // SAFETY: g is a live G; the world is stopped.
        unsafe { proc::for_each_g_root(g, &mut |w| m.word(w)) };
    }
    // SAFETY: the world is stopped.
    unsafe { proc::for_each_sched_root(&mut |w| m.word(w)) };
    for (lo, hi) in data::used_ranges() {
        m.global_bytes += hi - lo;
        // SAFETY: the handed-out part of the data segment is mapped and readable.
        unsafe { m.range(lo, hi) };
    }
    let extra = EXTRA.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for (lo, hi) in extra {
        m.global_bytes += hi - lo;
        // SAFETY: registered ranges stay readable for the process's life (register's contract).
        unsafe { m.range(lo, hi) };
    }
    true
}
