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
    crate::sched::proc::clear_wait_frame();
    match chosen {
        Chosen::Default => -1,
        Chosen::Case { index, recv_ok } => (index as i64) * 2 + recv_ok as i64,
        Chosen::SendOnClosed => panic::throw_runtime_error("send on closed channel"),
    }
}

// ---- reflect's channel operations (gc's reflect_chansend, reflect_chanrecv, reflect_rselect):
// blocking ones are the channel operations themselves, non-blocking ones a select of one case
// with a default, as gc's `selectnbsend`/`selectnbrecv` are.

crate::jit_entry! {
    /// `reflect.chansend0(ch, val, nb) (selected bool)`: `ch <- *val`; with `nb`, only if it
    /// can proceed at once. `tail` (may panic: `send on closed channel`).
    pub fn gort_reflect_chansend(c: usize, ep: *const u8, nb: bool) -> bool => reflect_chansend_entry;
}

extern "C" fn reflect_chansend_entry(c: usize, ep: *const u8, nb: bool, fp: usize, pc: usize) -> bool {
    crate::sched::proc::set_wait_frame(fp, pc);
    let chosen = if nb {
        let case = Scase { c: c as *mut Chan, elem: ep as *mut u8 };
        // SAFETY: one send case (reflect's contract: a channel and an element's address).
        unsafe { selectgo(&case, 1, 0, false) }
    } else {
        // SAFETY: as above.
        match unsafe { super::chan::chansend(c as *mut Chan, ep) } {
            Outcome::SendOnClosed => Chosen::SendOnClosed,
            _ => Chosen::Case { index: 0, recv_ok: false },
        }
    };
    crate::sched::proc::clear_wait_frame();
    match chosen {
        Chosen::Default => false,
        Chosen::Case { .. } => true,
        Chosen::SendOnClosed => panic::throw_runtime_error("send on closed channel"),
    }
}

crate::jit_entry! {
    /// `reflect.chanrecv(ch, nb, val) (selected, received bool)`: `*val, ok = <-ch`; with `nb`,
    /// only if it can proceed at once. Writes the two results to `out`. `tail`.
    pub fn gort_reflect_chanrecv(c: usize, nb: bool, ep: *mut u8, out: *mut [u64; 2]) => reflect_chanrecv_entry;
}

extern "C" fn reflect_chanrecv_entry(c: usize, nb: bool, ep: *mut u8, out: *mut [u64; 2], fp: usize, pc: usize) {
    crate::sched::proc::set_wait_frame(fp, pc);
    let (selected, ok) = if nb {
        let case = Scase { c: c as *mut Chan, elem: ep };
        // SAFETY: one receive case (reflect's contract: a channel and an element slot).
        match unsafe { selectgo(&case, 0, 1, false) } {
            Chosen::Case { recv_ok, .. } => (true, recv_ok),
            _ => (false, false),
        }
    } else {
        // SAFETY: as above.
        (true, unsafe { super::chan::chanrecv(c as *mut Chan, ep) } == Outcome::Done)
    };
    crate::sched::proc::clear_wait_frame();
    // SAFETY: the hook's result slots.
    unsafe { out.write([selected as u64, ok as u64]) };
}

/// reflect's `runtimeSelect` (`reflect/value.go`): a case of `reflect.Select`.
#[repr(C)]
#[derive(Clone, Copy)]
struct RuntimeSelect {
    /// `SelectSend` 1, `SelectRecv` 2, `SelectDefault` 3.
    dir: isize,
    typ: usize,
    ch: *mut Chan,
    val: *mut u8,
}

crate::jit_entry! {
    /// `reflect.rselect(cases) (chosen int, recvOK bool)` (gc's `reflect_rselect`): the cases
    /// reordered sends first, then receives, for [`selectgo`]; the chosen index translated back.
    /// Writes the two results to `out`. `tail` (may panic: `send on closed channel`).
    pub fn gort_reflect_rselect(cases: *const u8, n: isize, cap: isize, out: *mut [u64; 2]) => reflect_rselect_entry;
}

extern "C" fn reflect_rselect_entry(cases: *const u8, n: isize, _cap: isize, out: *mut [u64; 2], fp: usize, pc: usize) {
    // SAFETY: reflect's []runtimeSelect.
    let rc = unsafe { std::slice::from_raw_parts(cases as *const RuntimeSelect, n.max(0) as usize) };
    let (mut sends, mut recvs, mut dflt) = (vec![], vec![], None);
    for (i, c) in rc.iter().enumerate() {
        match c.dir {
            1 => sends.push((Scase { c: c.ch, elem: c.val }, i)),
            2 => recvs.push((Scase { c: c.ch, elem: c.val }, i)),
            _ => dflt = Some(i),
        }
    }
    if sends.is_empty() && recvs.is_empty() && dflt.is_some() {
        // SAFETY: the hook's result slots.
        unsafe { out.write([dflt.unwrap_or(0) as u64, 0]) };
        return;
    }
    let (ns, nr) = (sends.len(), recvs.len());
    let all: Vec<(Scase, usize)> = sends.into_iter().chain(recvs).collect();
    let sel: Vec<Scase> = all.iter().map(|c| c.0).collect();
    let orig: Vec<usize> = all.iter().map(|c| c.1).collect();
    drop(all);
    crate::sched::proc::set_wait_frame(fp, pc);
    // SAFETY: ns + nr cases (none: `select {}`, which blocks forever).
    let chosen = unsafe { selectgo(sel.as_ptr(), ns, nr, dflt.is_none()) };
    crate::sched::proc::clear_wait_frame();
    let r = match chosen {
        Chosen::Default => [dflt.unwrap_or(0) as u64, 0],
        Chosen::Case { index, recv_ok } => [orig[index] as u64, recv_ok as u64],
        Chosen::SendOnClosed => {
            drop((sel, orig));
            panic::throw_runtime_error("send on closed channel")
        }
    };
    // SAFETY: the hook's result slots.
    unsafe { out.write(r) };
}
