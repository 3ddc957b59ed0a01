//! Channels after gc's `runtime/chan.go`: a [`Chan`] (gc's `hchan`) with a ring buffer of `cap`
//! elements and queues of waiting goroutines ([`Waiter`], gc's `sudog`), the send, receive and
//! close operations with gc's direct hand-off to a waiting partner, and their panics
//! (`send on closed channel`, `close of nil channel`, `close of closed channel`).
//!
//! A channel value is a pointer to its `Chan` (nil is 0). Elements are copied as `elem_size`
//! bytes; the compiler passes the address of the value to send and of the receiving slot (or 0
//! to discard the value).
//!
//! # Waiters
//! A blocked operation's [`Waiter`] lives in the blocked goroutine's (Rust) frame, which stays
//! alive while it is parked; the queues hold raw pointers to it. A waiter belonging to a `select`
//! shares its select's `done` flag: the first operation that completes one of its cases sets it,
//! and later operations skip that select's other waiters (gc's `selectDone`) until the selecting
//! goroutine removes them.
//!
//! No Rust value with `Drop` is alive in a frame when a panic is raised from it: operations return
//! an outcome and their `extern "C"` entry points raise the panic.
//!
//! # Locking
//! A channel's fields and queues, and every waiter's fields, are read and written under the
//! scheduler lock (`sched::lock`: one lock for all channels for now, where gc has `hchan.lock`
//! per channel): the operations take it, and a blocking one parks with it held (released by the
//! M's g0 once the goroutine has switched out, so a partner that dequeues the waiter finds a
//! parked goroutine). A woken goroutine reads its waiter's `success` after being scheduled again,
//! which is ordered after the partner's write by the lock. `len`/`cap` read `count`/`cap`
//! without the lock, as gc's `chanlen` does (a racy but word-sized read).

use crate::alloc;
use crate::panic;
use crate::sched::proc::{self, G, WaitReason};
use crate::sched::time::{self, Timer};
use std::collections::VecDeque;

/// A goroutine blocked on a channel (gc's `sudog`).
pub struct Waiter {
    pub g: *mut G,
    /// Value to send, or slot to receive into (null: discard).
    pub elem: *mut u8,
    /// Set by the partner: the operation completed (false: woken by `close`).
    pub success: bool,
    /// For a select: its shared done flag and which case this waiter stands for.
    pub select_done: *mut bool,
    pub case: usize,
    /// For a select: the case that fired (written through the winning waiter).
    pub fired: *mut usize,
}

/// A channel (gc's `hchan`).
pub struct Chan {
    pub elem_size: usize,
    pub cap: usize,
    pub count: usize,
    buf: *mut u8,
    recvx: usize,
    sendx: usize,
    pub closed: bool,
    pub recvq: VecDeque<*mut Waiter>,
    pub sendq: VecDeque<*mut Waiter>,
    /// The timer feeding this channel (`time.NewTimer`/`After`/`NewTicker`), or null: set by
    /// `newTimer` before any operation (see `sched::time`).
    pub timer: *mut Timer,
}

impl Chan {
    fn slot(&self, i: usize) -> *mut u8 {
        // SAFETY: i < cap, inside the buffer of cap * elem_size bytes.
        unsafe { self.buf.add(i * self.elem_size) }
    }
}

/// Copies one element (`dst` null: discard).
///
/// # Safety
/// `src` readable and `dst` (if not null) writable for `n` bytes.
unsafe fn copy_elem(dst: *mut u8, src: *const u8, n: usize) {
    if !dst.is_null() && n > 0 {
        // SAFETY: forwarded.
        unsafe { std::ptr::copy(src, dst, n) };
    }
}

/// Zeroes one element (`dst` null: nothing).
///
/// # Safety
/// `dst` (if not null) writable for `n` bytes.
unsafe fn zero_elem(dst: *mut u8, n: usize) {
    if !dst.is_null() && n > 0 {
        // SAFETY: forwarded.
        unsafe { std::ptr::write_bytes(dst, 0, n) };
    }
}

/// Takes the first waiter of `q` that can still complete (skipping those of selects that already
/// fired, gc's `waitq.dequeue`), marking its select done.
///
/// # Safety
/// The lock is held; `q` holds live waiters.
pub(crate) unsafe fn dequeue(q: &mut VecDeque<*mut Waiter>) -> Option<*mut Waiter> {
    while let Some(w) = q.pop_front() {
        // SAFETY: queued waiters live in their parked goroutines' frames.
        unsafe {
            if !(*w).select_done.is_null() {
                if *(*w).select_done {
                    continue;
                }
                *(*w).select_done = true;
                *(*w).fired = (*w).case;
            }
        }
        return Some(w);
    }
    None
}

/// Completes waiter `w` (success as given) and makes its goroutine runnable.
///
/// # Safety
/// `w` was just dequeued and is live.
unsafe fn wake(w: *mut Waiter, success: bool) {
    // SAFETY: forwarded.
    unsafe {
        (*w).success = success;
        proc::ready((*w).g);
    }
}

/// What a channel operation ended with (its entry point raises the panics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    Done,
    /// A receive from a closed, drained channel (`ok == false`).
    Closed,
    SendOnClosed,
}

/// A send that can complete now: to a waiting receiver or into the buffer. `None`: it would block.
///
/// # Safety
/// The lock is held; `c` is a live channel; `ep` readable for an element.
pub(crate) unsafe fn try_send(c: *mut Chan, ep: *const u8) -> Option<Outcome> {
    // SAFETY: forwarded; the reference ends before anything can switch.
    let c = unsafe { &mut *c };
    if c.closed {
        return Some(Outcome::SendOnClosed);
    }
    // SAFETY: queued waiters are live.
    if let Some(w) = unsafe { dequeue(&mut c.recvq) } {
        // SAFETY: the receiver's slot is writable for an element.
        unsafe {
            copy_elem((*w).elem, ep, c.elem_size);
            wake(w, true);
        }
        return Some(Outcome::Done);
    }
    if c.count < c.cap {
        // SAFETY: the slot is inside the buffer.
        unsafe { copy_elem(c.slot(c.sendx), ep, c.elem_size) };
        c.sendx = (c.sendx + 1) % c.cap;
        c.count += 1;
        return Some(Outcome::Done);
    }
    None
}

/// A receive that can complete now: from a waiting sender, the buffer, or a closed channel.
///
/// # Safety
/// The lock is held; `c` is a live channel; `ep` null or writable for an element.
pub(crate) unsafe fn try_recv(c: *mut Chan, ep: *mut u8) -> Option<Outcome> {
    // SAFETY: forwarded; the reference ends before anything can switch.
    let c = unsafe { &mut *c };
    // SAFETY: queued waiters are live.
    if let Some(w) = unsafe { dequeue(&mut c.sendq) } {
        // SAFETY: the sender's value and the buffer slots hold an element each.
        unsafe {
            if c.cap == 0 {
                copy_elem(ep, (*w).elem, c.elem_size);
            } else {
                // The buffer is full: take its head, put the sender's value at its tail.
                copy_elem(ep, c.slot(c.recvx), c.elem_size);
                copy_elem(c.slot(c.recvx), (*w).elem, c.elem_size);
                c.recvx = (c.recvx + 1) % c.cap;
                c.sendx = c.recvx;
            }
            wake(w, true);
        }
        return Some(Outcome::Done);
    }
    if c.count > 0 {
        // SAFETY: the slot holds an element.
        unsafe {
            copy_elem(ep, c.slot(c.recvx), c.elem_size);
            zero_elem(c.slot(c.recvx), c.elem_size);
        }
        c.recvx = (c.recvx + 1) % c.cap;
        c.count -= 1;
        return Some(Outcome::Done);
    }
    if c.closed {
        // SAFETY: forwarded.
        unsafe { zero_elem(ep, c.elem_size) };
        return Some(Outcome::Closed);
    }
    None
}

/// gc's `chansend` (blocking).
///
/// # Safety
/// On a goroutine; `c` null or live; `ep` readable for an element.
#[inline(never)]
pub(crate) unsafe fn chansend(c: *mut Chan, ep: *const u8) -> Outcome {
    // SAFETY: on a goroutine that holds no lock.
    unsafe { proc::lock() };
    if c.is_null() {
        // SAFETY: on a goroutine holding the lock; nobody can wake it.
        unsafe { proc::park(WaitReason::ChanSendNilChan) };
        panic::fatal("unreachable: woken from a nil channel send");
    }
    // SAFETY: forwarded, under the lock.
    if let Some(o) = unsafe { try_send(c, ep) } {
        // SAFETY: taken above.
        unsafe { proc::unlock() };
        return o;
    }
    let mut w = Waiter {
        g: proc::current(),
        elem: ep as *mut u8,
        success: false,
        select_done: std::ptr::null_mut(),
        case: 0,
        fired: std::ptr::null_mut(),
    };
    // SAFETY: the waiter lives in this frame until we are woken (the receiver or close dequeues
    // it before waking us); park releases the lock once we have switched out.
    unsafe {
        (*c).sendq.push_back(&mut w);
        proc::park(WaitReason::ChanSend);
    }
    if w.success { Outcome::Done } else { Outcome::SendOnClosed }
}

/// gc's `chanrecv` (blocking).
///
/// # Safety
/// On a goroutine; `c` null or live; `ep` null or writable for an element.
#[inline(never)]
pub(crate) unsafe fn chanrecv(c: *mut Chan, ep: *mut u8) -> Outcome {
    if c.is_null() {
        // SAFETY: on a goroutine holding no lock; park releases it; nobody can wake us.
        unsafe {
            proc::lock();
            proc::park(WaitReason::ChanReceiveNilChan)
        };
        panic::fatal("unreachable: woken from a nil channel receive");
    }
    // SAFETY: c is live; its timer field is set before the channel is shared (newTimer).
    let timer = unsafe { (*c).timer };
    if !timer.is_null() {
        // SAFETY: on a goroutine holding no lock; the channel's timer is live. An expired timer
        // feeding the channel sends now (gc's maybeRunChan).
        unsafe { time::maybe_run_chan(timer) };
    }
    // SAFETY: on a goroutine that holds no lock.
    unsafe { proc::lock() };
    // SAFETY: forwarded, under the lock.
    if let Some(o) = unsafe { try_recv(c, ep) } {
        // SAFETY: taken above.
        unsafe { proc::unlock() };
        return o;
    }
    let mut w =
        Waiter { g: proc::current(), elem: ep, success: false, select_done: std::ptr::null_mut(), case: 0, fired: std::ptr::null_mut() };
    // SAFETY: as in chansend; a closer zeroes our slot before waking us. A timer channel's timer
    // is in the heap while we wait.
    unsafe {
        (*c).recvq.push_back(&mut w);
        if !timer.is_null() {
            time::block_timer_chan(timer);
        }
        proc::park(WaitReason::ChanReceive);
        if !timer.is_null() {
            proc::lock();
            time::unblock_timer_chan(timer);
            proc::unlock();
        }
    }
    if w.success { Outcome::Done } else { Outcome::Closed }
}

/// `make(chan T, size)`: `elem_size` is `T`'s size. Panics `makechan: size out of range` for a
/// negative or too large size. `tail` (may panic).
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_makechan(elem_size: usize, size: i64) -> *mut Chan {
    crate::gc::safepoint();
    const MAX_ALLOC: u64 = 1 << 47;
    if size < 0 || (elem_size as u64).saturating_mul(size as u64) > MAX_ALLOC {
        panic::throw_runtime_error("makechan: size out of range");
    }
    let cap = size as usize;
    let buf = if cap * elem_size == 0 { alloc::zero_base() } else { alloc::alloc_zeroed(cap * elem_size, 8) };
    // The channel is a Go heap object, so that the collector finds its buffer through it and
    // frees both when the channel is unreachable (its waiter queues' Rust buffers, allocated only
    // once goroutines have waited on it, are then not returned).
    let c = alloc::alloc_zeroed(std::mem::size_of::<Chan>(), std::mem::align_of::<Chan>()) as *mut Chan;
    // SAFETY: a fresh block of Chan's size and alignment.
    unsafe {
        c.write(Chan {
            elem_size,
            cap,
            count: 0,
            buf,
            recvx: 0,
            sendx: 0,
            closed: false,
            recvq: VecDeque::new(),
            sendq: VecDeque::new(),
            timer: std::ptr::null_mut(),
        })
    };
    c
}

crate::jit_entry! {
    /// `c <- *ep`. `tail` (may panic: `send on closed channel`).
    pub fn gort_chansend1(c: usize, ep: *const u8) => chansend1_entry;
}

extern "C" fn chansend1_entry(c: usize, ep: *const u8, fp: usize, pc: usize) {
    proc::set_wait_frame(fp, pc);
    // SAFETY: compiler contract: c is a channel value, ep the address of an element.
    let r = unsafe { chansend(c as *mut Chan, ep) };
    proc::clear_wait_frame();
    if r == Outcome::SendOnClosed {
        panic::throw_runtime_error("send on closed channel");
    }
}

crate::jit_entry! {
    /// `*ep = <-c` (ep 0: discard). `tail`.
    pub fn gort_chanrecv1(c: usize, ep: *mut u8) => chanrecv1_entry;
}

extern "C" fn chanrecv1_entry(c: usize, ep: *mut u8, fp: usize, pc: usize) {
    proc::set_wait_frame(fp, pc);
    // SAFETY: compiler contract: c is a channel value, ep null or an element slot.
    unsafe { chanrecv(c as *mut Chan, ep) };
    proc::clear_wait_frame();
}

crate::jit_entry! {
    /// `*ep, ok = <-c`: returns `ok` (false: closed and drained, `*ep` zeroed). `tail`.
    pub fn gort_chanrecv2(c: usize, ep: *mut u8) -> u64 => chanrecv2_entry;
}

extern "C" fn chanrecv2_entry(c: usize, ep: *mut u8, fp: usize, pc: usize) -> u64 {
    proc::set_wait_frame(fp, pc);
    // SAFETY: as in gort_chanrecv1.
    let r = unsafe { chanrecv(c as *mut Chan, ep) };
    proc::clear_wait_frame();
    (r == Outcome::Done) as u64
}

/// `close(c)`: wakes every receiver (with zero values, `ok == false`) and every sender (who then
/// panic). `tail` (may panic: `close of nil channel`, `close of closed channel`).
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_closechan(c: *mut Chan) {
    if c.is_null() {
        panic::throw_runtime_error("close of nil channel");
    }
    // SAFETY: c is a live channel; no switch happens while the reference lives (ready only
    // queues goroutines); under the lock.
    let closed_before = unsafe {
        proc::lock();
        let ch = &mut *c;
        let closed = if ch.closed {
            true
        } else {
            ch.closed = true;
            while let Some(w) = dequeue(&mut ch.recvq) {
                zero_elem((*w).elem, ch.elem_size);
                wake(w, false);
            }
            while let Some(w) = dequeue(&mut ch.sendq) {
                wake(w, false);
            }
            false
        };
        proc::unlock();
        closed
    };
    if closed_before {
        panic::throw_runtime_error("close of closed channel");
    }
}

/// `len(c)` (0 for nil; 0 for a timer channel, which presents itself as unbuffered so that
/// `Stop`/`Reset` can take back a sent value unnoticed, as gc).
#[unsafe(no_mangle)]
pub extern "C" fn gort_chanlen(c: *const Chan) -> i64 {
    // SAFETY: c is null or a live channel.
    if c.is_null() || unsafe { !(*c).timer.is_null() } { 0 } else { unsafe { (*c).count as i64 } }
}

/// `cap(c)` (0 for nil and for a timer channel, see `gort_chanlen`).
#[unsafe(no_mangle)]
pub extern "C" fn gort_chancap(c: *const Chan) -> i64 {
    // SAFETY: c is null or a live channel.
    if c.is_null() || unsafe { !(*c).timer.is_null() } { 0 } else { unsafe { (*c).cap as i64 } }
}

/// Empties a timer channel's buffer (gc's `timerchandrain`): whether it held a value. Timer
/// channels never have waiting senders.
///
/// # Safety
/// The lock is held; `c` is a live channel.
pub(crate) unsafe fn timer_drain(c: *mut Chan) -> bool {
    // SAFETY: forwarded; no switch happens while the reference lives.
    let c = unsafe { &mut *c };
    let any = c.count > 0;
    while c.count > 0 {
        // SAFETY: the slot holds an element.
        unsafe { zero_elem(c.slot(c.recvx), c.elem_size) };
        c.recvx = (c.recvx + 1) % c.cap;
        c.count -= 1;
    }
    any
}
