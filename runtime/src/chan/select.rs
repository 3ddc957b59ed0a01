//! `select` after gc's `runtime/select.go`: poll the cases in a uniformly random order and take
//! the first that can proceed; otherwise (without `default`) enqueue a [`Waiter`] on every case's
//! channel, park, and when one fires remove the others.
//!
//! The compiler passes the cases as an array of [`Scase`], sends first then receives (gc's
//! layout), and gets back the chosen index and, for a receive, `ok`.
//!
//! Locking: the poll, the enqueueing and the removal of the waiters run under the scheduler
//! lock (one lock covers every channel, so gc's `sellock` of each case's channel in address
//! order is that one lock); the select parks with it held. The shared `done` flag and `fired`
//! slot are written by the partner that completes a case, under the lock.

use super::chan::{Chan, Outcome, Waiter, try_recv, try_send};
use crate::panic;
use crate::sched::proc::{self, WaitReason};
use crate::sched::time;

/// One case: its channel (null: a nil channel, never ready) and the value to send or the slot to
/// receive into (null: discard).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Scase {
    pub c: *mut Chan,
    pub elem: *mut u8,
}

/// Which case ran, or a send on a closed channel (raised by the entry point).
enum Chosen {
    Default,
    Case { index: usize, recv_ok: bool },
    SendOnClosed,
}

/// gc's `selectgo`.
///
/// # Safety
/// On a goroutine; `cases` points to `nsends + nrecvs` valid cases.
#[inline(never)]
unsafe fn selectgo(cases: *const Scase, nsends: usize, nrecvs: usize, block: bool) -> Chosen {
    let n = nsends + nrecvs;
    // SAFETY: compiler contract.
    let cases = unsafe { std::slice::from_raw_parts(cases, n) };
    // Expired timers feeding receive cases send now (gc's maybeRunChan while building the poll
    // order; done before anything with `Drop` lives in this frame).
    for cs in &cases[nsends..] {
        // SAFETY: a null or live channel; its timer is live; no lock is held here.
        unsafe {
            if !cs.c.is_null() && !(*cs.c).timer.is_null() {
                time::maybe_run_chan((*cs.c).timer);
            }
        }
    }
    // gc's pollorder: a uniformly random permutation (Fisher-Yates).
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (proc::cheaprand() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    // SAFETY: on a goroutine holding no lock.
    unsafe { proc::lock() };
    for &i in &order {
        let cs = cases[i];
        if cs.c.is_null() {
            continue;
        }
        if i < nsends {
            // SAFETY: a live channel and the address of the value to send.
            let r = unsafe { try_send(cs.c, cs.elem) };
            if r.is_some() {
                // SAFETY: taken above.
                unsafe { proc::unlock() };
            }
            match r {
                Some(Outcome::SendOnClosed) => return Chosen::SendOnClosed,
                Some(_) => return Chosen::Case { index: i, recv_ok: false },
                None => {}
            }
        } else {
            // SAFETY: a live channel and a slot or null.
            if let Some(o) = unsafe { try_recv(cs.c, cs.elem) } {
                // SAFETY: taken above.
                unsafe { proc::unlock() };
                return Chosen::Case { index: i, recv_ok: o == Outcome::Done };
            }
        }
    }
    if !block {
        // SAFETY: taken above.
        unsafe { proc::unlock() };
        return Chosen::Default;
    }
    drop(order);
    let mut done = false;
    let mut fired = usize::MAX;
    let me = proc::current();
    let mut waiters: Vec<Waiter> = cases
        .iter()
        .enumerate()
        .map(|(i, cs)| Waiter { g: me, elem: cs.elem, success: false, select_done: &mut done, case: i, fired: &mut fired })
        .collect();
    let wp = waiters.as_mut_ptr();
    for (i, cs) in cases.iter().enumerate() {
        if cs.c.is_null() {
            continue;
        }
        // SAFETY: live channel; the waiters vector is not resized while they are queued.
        unsafe {
            let q = if i < nsends { &mut (*cs.c).sendq } else { &mut (*cs.c).recvq };
            q.push_back(wp.add(i));
            if !(*cs.c).timer.is_null() {
                time::block_timer_chan((*cs.c).timer);
            }
        }
    }
    // SAFETY: on a goroutine holding the lock, which park releases once we have switched out; a
    // partner wakes us after marking `done` (or nobody: all nil).
    unsafe { proc::park(WaitReason::Select) };
    // Woken: take our other waiters off their queues.
    // SAFETY: on a goroutine holding no lock.
    unsafe { proc::lock() };
    for (i, cs) in cases.iter().enumerate() {
        if cs.c.is_null() {
            continue;
        }
        // SAFETY: live channel, no switch while the reference lives.
        unsafe {
            let w = wp.add(i);
            let q = if i < nsends { &mut (*cs.c).sendq } else { &mut (*cs.c).recvq };
            q.retain(|&x| x != w);
            if !(*cs.c).timer.is_null() {
                time::unblock_timer_chan((*cs.c).timer);
            }
        }
    }
    // SAFETY: taken above.
    unsafe { proc::unlock() };
    if fired >= n {
        panic::fatal("select woken without a case");
    }
    let success = waiters[fired].success;
    if fired < nsends && !success {
        return Chosen::SendOnClosed;
    }
    Chosen::Case { index: fired, recv_ok: success }
}

crate::jit_entry! {
    /// `select` with `nsends` send cases then `nrecvs` receive cases at `cases`; `block` is false
    /// when it has a `default`. Returns -1 for `default`, else `index * 2 + recv_ok`. `tail` (may
    /// panic: `send on closed channel`).
    pub fn gort_selectgo(cases: usize, nsends: i64, nrecvs: i64, block: u64) -> i64 => selectgo_entry;
}

extern "C" fn selectgo_entry(cases: usize, nsends: i64, nrecvs: i64, block: u64, fp: usize, pc: usize) -> i64 {
    crate::sched::proc::set_wait_frame(fp, pc);
    // SAFETY: compiler contract (see selectgo).
    let chosen = unsafe { selectgo(cases as *const Scase, nsends as usize, nrecvs as usize, block != 0) };
    match chosen {
        Chosen::Default => -1,
        Chosen::Case { index, recv_ok } => (index as i64) * 2 + recv_ok as i64,
        Chosen::SendOnClosed => panic::throw_runtime_error("send on closed channel"),
    }
}
