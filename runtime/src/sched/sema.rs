//! Semaphores and notify lists, after gc's `runtime/sema.go`: the sleep/wake-up primitives GOROOT's
//! `sync` and `internal/sync` packages are built on (`sync.runtime_Semacquire*`,
//! `runtime_Semrelease`, `runtime_notifyList*`, `throw`/`fatal`).
//!
//! # Semaphores
//! A semaphore is a `uint32` in Go memory. [`semacquire1`] takes one unit when the count is not
//! zero (gc's `cansemacquire`, a CAS loop); otherwise the goroutine queues a [`SemaWaiter`] (gc's
//! `sudog`) under the semaphore's address in the run's [`Table`] (gc's `semtable`; a map of
//! per-address FIFO queues replaces its treap of lists: the same order) and parks with the
//! caller's wait reason (`[semacquire]`, `[sync.Mutex.Lock]`, `[sync.WaitGroup.Wait]`, ...).
//! `lifo` queues it at the head (a `sync.Mutex` waiter woken once and beaten to the lock).
//! [`semrelease1`] adds one unit and wakes the first waiter into the P's `runnext`; with `handoff`
//! (a starving `sync.Mutex`) it takes the unit for the waiter (its `ticket`) and yields so the
//! waiter runs at once, as gc's direct G hand-off.
//!
//! # Notify lists
//! `sync.Cond`'s ticket list lives in Go memory in gc's layout ([`NotifyList`], 32 bytes, checked
//! by `runtime_notifyListCheck`): `wait` is the next ticket handed out, `notify` the next to be
//! notified, `head`/`tail` the parked waiters ([`NotifyWaiter`], in the parked goroutines'
//! frames). Tickets wrap as in gc ([`less`]).
//!
//! # Waiters and soundness
//! A waiter record lives in the Rust frame of its parked goroutine, which stays alive until the
//! goroutine is woken; the queues hold raw pointers to it, and whoever wakes a goroutine first
//! unlinks its record. The queues (the table and the notify lists' waiter lists) are only touched
//! under the scheduler lock (`proc::lock`, see `lock.rs`: gc locks each `semaRoot` and each
//! notify list; the `lock` word of a notify list is kept for gc's layout), and a waiter parks with
//! it held. The counts are updated atomically because Go code reads them with `sync/atomic`; a
//! release adds its unit before it takes the lock to look for a waiter, and an acquirer
//! re-checks the count under the lock before it queues, so no wake-up is lost (gc's order).

use super::proc::{self, G, WaitReason};
use crate::panic;
use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, Ordering};

/// A goroutine blocked on a semaphore (gc's `sudog` as `semacquire1` uses it).
pub struct SemaWaiter {
    pub g: *mut G,
    /// Set by a hand-off release: the unit was taken on this waiter's behalf.
    pub ticket: u32,
}

/// The goroutines blocked on semaphores, by the semaphore's address (gc's `semtable`).
#[derive(Default)]
pub struct Table {
    queues: HashMap<usize, VecDeque<*mut SemaWaiter>>,
}

impl Table {
    /// Queues `w` on `addr`: at the tail, or at the head for `lifo` (gc's `semaRoot.queue`).
    pub fn queue(&mut self, addr: usize, w: *mut SemaWaiter, lifo: bool) {
        let q = self.queues.entry(addr).or_default();
        if lifo { q.push_front(w) } else { q.push_back(w) }
    }

    /// Takes the first waiter on `addr` (gc's `semaRoot.dequeue`).
    pub fn dequeue(&mut self, addr: usize) -> Option<*mut SemaWaiter> {
        let q = self.queues.get_mut(&addr)?;
        let w = q.pop_front();
        if q.is_empty() {
            self.queues.remove(&addr);
        }
        w
    }

    /// How many goroutines wait on `addr` (gc's `nwait`, per address).
    pub fn waiters(&self, addr: usize) -> usize {
        self.queues.get(&addr).map_or(0, |q| q.len())
    }
}

/// The semaphore word at `addr`.
///
/// # Safety
/// `addr` is a live, 4-byte aligned `uint32` in Go memory.
unsafe fn word<'a>(addr: *mut u32) -> &'a AtomicU32 {
    // SAFETY: forwarded; Go code only accesses the word atomically or while it holds the
    // semaphore's protocol, as in gc.
    unsafe { AtomicU32::from_ptr(addr) }
}

/// Takes one unit if the count is not zero (gc's `cansemacquire`).
///
/// # Safety
/// As [`word`].
pub unsafe fn cansemacquire(addr: *mut u32) -> bool {
    // SAFETY: forwarded.
    let w = unsafe { word(addr) };
    let mut v = w.load(Ordering::Acquire);
    loop {
        if v == 0 {
            return false;
        }
        match w.compare_exchange_weak(v, v - 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => return true,
            Err(now) => v = now,
        }
    }
}

/// gc's `semacquire1`: waits until `*addr > 0`, then decrements it. `(fp, pc)` is the JIT frame
/// that called (where the traceback of a parked goroutine starts).
///
/// # Safety
/// On a goroutine of this thread's program; `addr` as [`word`].
pub unsafe fn semacquire1(addr: *mut u32, lifo: bool, reason: WaitReason, fp: usize, pc: usize) {
    // SAFETY: forwarded.
    if unsafe { cansemacquire(addr) } {
        return;
    }
    let g = proc::current();
    if g.is_null() {
        panic::fatal("semacquire not on the G stack");
    }
    // The record stays in this frame while the goroutine is parked (see the module docs).
    let mut w = SemaWaiter { g, ticket: 0 };
    let wp: *mut SemaWaiter = &mut w;
    loop {
        // SAFETY: forwarded; the table reference ends before the switch; park releases the lock.
        unsafe {
            proc::lock();
            if cansemacquire(addr) {
                proc::unlock();
                break;
            }
            (*proc::sema_table()).queue(addr as usize, wp, lifo);
            proc::set_wait_frame(fp, pc);
            proc::park(reason);
            // Woken by semrelease1, which unlinked the record.
            if (*wp).ticket != 0 || cansemacquire(addr) {
                break;
            }
        }
    }
}

/// gc's `semrelease1`: increments `*addr` and wakes the first goroutine waiting on it; with
/// `handoff` the woken goroutine gets the unit directly and runs next.
///
/// # Safety
/// On a goroutine of this thread's program (or g0 without `handoff`); `addr` as [`word`].
pub unsafe fn semrelease1(addr: *mut u32, handoff: bool) {
    // SAFETY: forwarded.
    unsafe { word(addr) }.fetch_add(1, Ordering::AcqRel);
    // SAFETY: on a goroutine holding no lock.
    unsafe { proc::lock() };
    // SAFETY: the table reference ends within the statement.
    let Some(w) = (unsafe { (*proc::sema_table()).dequeue(addr as usize) }) else {
        // SAFETY: taken above.
        unsafe { proc::unlock() };
        return;
    };
    // SAFETY: a queued waiter lives in its parked goroutine's frame until that goroutine runs,
    // which it cannot before `ready` below returns.
    let (g, ticket) = unsafe {
        if (*w).ticket != 0 {
            panic::fatal("corrupted semaphore ticket");
        }
        if handoff && cansemacquire(addr) {
            (*w).ticket = 1;
        }
        ((*w).g, (*w).ticket)
    };
    // SAFETY: g is parked and on no run queue (it was on this semaphore's queue only).
    unsafe { proc::ready(g) };
    if ticket == 1 && !proc::current().is_null() {
        // Direct G hand-off: the waiter is in runnext; let it run now (gc's goyield, which
        // releases the lock once we have switched out).
        // SAFETY: on a goroutine holding the lock.
        unsafe { proc::goyield() };
    } else {
        // SAFETY: taken above.
        unsafe { proc::unlock() };
    }
}

// ---------------------------------------------------------------------------------------------
// Notify lists (sync.Cond)
// ---------------------------------------------------------------------------------------------

/// gc's `notifyList`, in Go memory (sync's `notifyList` has the same layout).
#[repr(C)]
pub struct NotifyList {
    /// The ticket of the next waiter (taken by `notifyListAdd`).
    pub wait: AtomicU32,
    /// The ticket of the next waiter to notify.
    pub notify: AtomicU32,
    /// The runtime mutex's key (unused by the single-P scheduler).
    pub lock: usize,
    pub head: *mut NotifyWaiter,
    pub tail: *mut NotifyWaiter,
}

/// `unsafe.Sizeof(notifyList{})` in gc.
pub const NOTIFY_LIST_SIZE: usize = 32;
const _: () = assert!(std::mem::size_of::<NotifyList>() == NOTIFY_LIST_SIZE);

/// A goroutine parked in `notifyListWait` (gc's `sudog` as the notify list uses it).
#[repr(C)]
pub struct NotifyWaiter {
    pub g: *mut G,
    pub ticket: u32,
    pub next: *mut NotifyWaiter,
}

/// `a < b` for running ticket counts that may wrap (their unwrapped difference is below 2^31).
pub fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// gc's `notifyListAdd`: the caller's ticket.
///
/// # Safety
/// `l` is a live notify list in Go memory.
pub unsafe fn notify_list_add(l: *mut NotifyList) -> u32 {
    // SAFETY: forwarded.
    unsafe { (*l).wait.fetch_add(1, Ordering::AcqRel) }
}

/// gc's `notifyListWait`: returns at once if ticket `t` was notified, otherwise parks until it is.
///
/// # Safety
/// On a goroutine of this thread's program; `l` is a live notify list.
pub unsafe fn notify_list_wait(l: *mut NotifyList, t: u32, fp: usize, pc: usize) {
    // SAFETY: forwarded; the list is changed under the lock, which park releases.
    unsafe {
        let g = proc::current();
        if g.is_null() {
            panic::fatal("notifyListWait not on the G stack");
        }
        proc::lock();
        if less(t, (*l).notify.load(Ordering::Acquire)) {
            proc::unlock();
            return;
        }
        // The record stays in this frame while the goroutine is parked.
        let mut w = NotifyWaiter { g, ticket: t, next: std::ptr::null_mut() };
        let wp: *mut NotifyWaiter = &mut w;
        if (*l).tail.is_null() {
            (*l).head = wp;
        } else {
            (*(*l).tail).next = wp;
        }
        (*l).tail = wp;
        proc::set_wait_frame(fp, pc);
        proc::park(WaitReason::SyncCondWait);
        // Woken by a notify, which unlinked the record.
    }
}

/// gc's `notifyListNotifyAll`: wakes every waiter.
///
/// # Safety
/// `l` is a live notify list; on a goroutine of this thread's program holding no lock.
pub unsafe fn notify_list_notify_all(l: *mut NotifyList) {
    // SAFETY: forwarded; the waiters are live until readied (their goroutines are parked).
    unsafe {
        // gc's fast path: no new waiters since the last notification.
        if (*l).wait.load(Ordering::Acquire) == (*l).notify.load(Ordering::Acquire) {
            return;
        }
        proc::lock();
        let wait = (*l).wait.load(Ordering::Acquire);
        let mut s = (*l).head;
        (*l).head = std::ptr::null_mut();
        (*l).tail = std::ptr::null_mut();
        (*l).notify.store(wait, Ordering::Release);
        while !s.is_null() {
            let next = (*s).next;
            (*s).next = std::ptr::null_mut();
            proc::ready((*s).g);
            s = next;
        }
        proc::unlock();
    }
}

/// gc's `notifyListNotifyOne`: wakes the waiter holding the next ticket (if it has parked yet).
///
/// # Safety
/// `l` is a live notify list; on a goroutine of this thread's program holding no lock.
pub unsafe fn notify_list_notify_one(l: *mut NotifyList) {
    // SAFETY: forwarded; the waiters are live until readied.
    unsafe {
        // gc's fast path: no new waiters since the last notification.
        if (*l).wait.load(Ordering::Acquire) == (*l).notify.load(Ordering::Acquire) {
            return;
        }
        proc::lock();
        let t = (*l).notify.load(Ordering::Acquire);
        if t == (*l).wait.load(Ordering::Acquire) {
            proc::unlock();
            return;
        }
        (*l).notify.store(t.wrapping_add(1), Ordering::Release);
        let mut p: *mut NotifyWaiter = std::ptr::null_mut();
        let mut s = (*l).head;
        while !s.is_null() {
            if (*s).ticket == t {
                let n = (*s).next;
                if p.is_null() {
                    (*l).head = n;
                } else {
                    (*p).next = n;
                }
                if n.is_null() {
                    (*l).tail = p;
                }
                (*s).next = std::ptr::null_mut();
                proc::ready((*s).g);
                proc::unlock();
                return;
            }
            p = s;
            s = (*s).next;
        }
        proc::unlock();
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points (the bodies of GOROOT's bodyless sync/internal/sync functions)
// ---------------------------------------------------------------------------------------------

crate::jit_entry! {
    /// `sync.runtime_Semacquire(s *uint32)` (also `internal/poll.runtime_Semacquire`):
    /// `[semacquire]`. `system_v`; never panics.
    pub fn gort_semacquire(addr: *mut u32) => semacquire_entry;
}
crate::jit_entry! {
    /// `sync.runtime_SemacquireWaitGroup(s *uint32, synctestDurable bool)`:
    /// `[sync.WaitGroup.Wait]`.
    pub fn gort_semacquire_waitgroup(addr: *mut u32, durable: bool) => semacquire_waitgroup_entry;
}
crate::jit_entry! {
    /// `internal/sync.runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)`:
    /// `[sync.Mutex.Lock]`.
    pub fn gort_semacquire_mutex(addr: *mut u32, lifo: bool, skip: i64) => semacquire_mutex_entry;
}
crate::jit_entry! {
    /// `sync.runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int)`:
    /// `[sync.RWMutex.RLock]`.
    pub fn gort_semacquire_rwmutexr(addr: *mut u32, lifo: bool, skip: i64) => semacquire_rwmutexr_entry;
}
crate::jit_entry! {
    /// `sync.runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)`:
    /// `[sync.RWMutex.Lock]`.
    pub fn gort_semacquire_rwmutex(addr: *mut u32, lifo: bool, skip: i64) => semacquire_rwmutex_entry;
}
crate::jit_entry! {
    /// `sync.runtime_notifyListWait(l *notifyList, t uint32)`: `[sync.Cond.Wait]`.
    pub fn gort_notifylist_wait(l: usize, t: u32) => notifylist_wait_entry;
}

extern "C" fn semacquire_entry(addr: *mut u32, fp: usize, pc: usize) {
    // SAFETY: Go passes a live *uint32; called on a goroutine by JIT code.
    unsafe { semacquire1(addr, false, WaitReason::Semacquire, fp, pc) }
}

extern "C" fn semacquire_waitgroup_entry(addr: *mut u32, durable: bool, fp: usize, pc: usize) {
    let reason = if durable { WaitReason::SynctestWaitGroupWait } else { WaitReason::SyncWaitGroupWait };
    // SAFETY: as semacquire_entry.
    unsafe { semacquire1(addr, false, reason, fp, pc) }
}

extern "C" fn semacquire_mutex_entry(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: as semacquire_entry.
    unsafe { semacquire1(addr, lifo, WaitReason::SyncMutexLock, fp, pc) }
}

extern "C" fn semacquire_rwmutexr_entry(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: as semacquire_entry.
    unsafe { semacquire1(addr, lifo, WaitReason::SyncRWMutexRLock, fp, pc) }
}

extern "C" fn semacquire_rwmutex_entry(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: as semacquire_entry.
    unsafe { semacquire1(addr, lifo, WaitReason::SyncRWMutexLock, fp, pc) }
}

extern "C" fn notifylist_wait_entry(l: usize, t: u32, fp: usize, pc: usize) {
    // SAFETY: Go passes a live *notifyList; called on a goroutine by JIT code.
    unsafe { notify_list_wait(l as *mut NotifyList, t, fp, pc) }
}

/// `sync.runtime_Semrelease(s *uint32, handoff bool, skipframes int)` (also internal/sync's).
///
/// # Safety
/// Called by JIT code on a goroutine with a live `*uint32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_semrelease(addr: *mut u32, handoff: bool, _skip: i64) {
    // SAFETY: forwarded.
    unsafe { semrelease1(addr, handoff) }
}

/// `sync.runtime_notifyListAdd(l *notifyList) uint32`.
///
/// # Safety
/// `l` is a live notify list.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_add(l: *mut NotifyList) -> u32 {
    // SAFETY: forwarded.
    unsafe { notify_list_add(l) }
}

/// `sync.runtime_notifyListNotifyAll(l *notifyList)`.
///
/// # Safety
/// `l` is a live notify list; called by JIT code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_notifyall(l: *mut NotifyList) {
    // SAFETY: forwarded.
    unsafe { notify_list_notify_all(l) }
}

/// `sync.runtime_notifyListNotifyOne(l *notifyList)`.
///
/// # Safety
/// `l` is a live notify list; called by JIT code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_notifyone(l: *mut NotifyList) {
    // SAFETY: forwarded.
    unsafe { notify_list_notify_one(l) }
}

/// `sync.runtime_notifyListCheck(size uintptr)`: sync and the runtime agree on the layout.
#[unsafe(no_mangle)]
pub extern "C" fn gort_notifylist_check(size: usize) {
    if size != NOTIFY_LIST_SIZE {
        crate::output::flush_stdout();
        eprint!("runtime: bad notifyList size - sync={size} runtime={NOTIFY_LIST_SIZE}\n");
        panic::fatal("bad notifyList size");
    }
}

crate::jit_entry! {
    /// `sync.throw(string)`, `sync.fatal(string)` and internal/sync's: gc's `fatal error: MSG`
    /// with the goroutine's traceback, exit 2 (deferred calls do not run, recover cannot stop it).
    pub fn gort_sync_fatal(ptr: *const u8, len: usize) => sync_fatal_entry;
}

extern "C" fn sync_fatal_entry(ptr: *const u8, len: usize, fp: usize, pc: usize) {
    // SAFETY: Go passes a live string (ptr, len).
    let msg = if len == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(ptr, len) } };
    let mut out = format!("fatal error: {}\n", String::from_utf8_lossy(msg));
    proc::append_running_traceback(&mut out, fp, pc);
    crate::output::flush_stdout();
    use std::io::Write as _;
    let _ = std::io::stderr().write_all(out.as_bytes());
    // SAFETY: _exit ends the process without unwinding (other goroutines' frames included).
    unsafe { libc::_exit(2) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_compare_across_wrap_around() {
        assert!(less(1, 2));
        assert!(!less(2, 2));
        assert!(!less(3, 2));
        assert!(less(u32::MAX, 0), "a ticket just before the wrap is older");
        assert!(!less(0, u32::MAX));
        assert!(less(u32::MAX - 5, 3));
    }

    #[test]
    fn cansemacquire_takes_one_unit_while_the_count_is_positive() {
        let mut s: u32 = 2;
        // SAFETY: a local aligned u32.
        unsafe {
            assert!(cansemacquire(&mut s));
            assert!(cansemacquire(&mut s));
            assert!(!cansemacquire(&mut s));
        }
        assert_eq!(s, 0);
    }

    #[test]
    fn table_is_fifo_per_address_and_lifo_goes_first() {
        let mut t = Table::default();
        let mut ws: Vec<SemaWaiter> = (0..4).map(|_| SemaWaiter { g: std::ptr::null_mut(), ticket: 0 }).collect();
        let p: Vec<*mut SemaWaiter> = ws.iter_mut().map(|w| w as *mut SemaWaiter).collect();
        t.queue(8, p[0], false);
        t.queue(8, p[1], false);
        t.queue(16, p[2], false);
        t.queue(8, p[3], true);
        assert_eq!(t.waiters(8), 3);
        assert_eq!(t.waiters(16), 1);
        assert_eq!(t.dequeue(8), Some(p[3]), "lifo waiter first");
        assert_eq!(t.dequeue(8), Some(p[0]));
        assert_eq!(t.dequeue(8), Some(p[1]));
        assert_eq!(t.dequeue(8), None);
        assert_eq!(t.waiters(8), 0);
        assert_eq!(t.dequeue(16), Some(p[2]));
        assert!(t.queues.is_empty(), "empty queues are dropped");
    }

    #[test]
    fn notify_list_matches_gc_layout() {
        assert_eq!(std::mem::offset_of!(NotifyList, wait), 0);
        assert_eq!(std::mem::offset_of!(NotifyList, notify), 4);
        assert_eq!(std::mem::offset_of!(NotifyList, lock), 8);
        assert_eq!(std::mem::offset_of!(NotifyList, head), 16);
        assert_eq!(std::mem::offset_of!(NotifyList, tail), 24);
    }

    #[test]
    fn notify_without_waiters_only_moves_tickets() {
        let mut l = NotifyList {
            wait: AtomicU32::new(0),
            notify: AtomicU32::new(0),
            lock: 0,
            head: std::ptr::null_mut(),
            tail: std::ptr::null_mut(),
        };
        // SAFETY: a local list with no waiters: no goroutine is readied.
        unsafe {
            notify_list_notify_one(&mut l);
            assert_eq!(l.notify.load(Ordering::Relaxed), 0, "nothing to notify");
            assert_eq!(notify_list_add(&mut l), 0);
            assert_eq!(notify_list_add(&mut l), 1);
            assert_eq!(notify_list_add(&mut l), 2);
            // Ticket 0 has not parked yet: NotifyOne consumes its ticket, so its Wait returns.
            notify_list_notify_one(&mut l);
            assert_eq!(l.notify.load(Ordering::Relaxed), 1);
            assert!(less(0, l.notify.load(Ordering::Relaxed)));
            notify_list_notify_all(&mut l);
            assert_eq!(l.notify.load(Ordering::Relaxed), 3);
            assert!(l.head.is_null() && l.tail.is_null());
        }
    }
}
