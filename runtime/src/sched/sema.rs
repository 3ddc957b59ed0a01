//! Semaphores and notify lists for package sync (gc's runtime/sema.go): the bodies of sync's and
//! internal/sync's `runtime_Semacquire*`/`runtime_Semrelease` and `runtime_notifyList*`
//! (hooked by the compiler's `lower/hooks.rs`).
//!
//! A semaphore is a `uint32` in Go memory; its waiters queue here, keyed by its address
//! (gc's `semTable` of treaps). A notify list is sync's `notifyList` (`wait`, `notify` tickets
//! at offsets 0 and 4, then gc's lock, head and tail words, which gojit leaves unused); its
//! waiters queue here with their tickets.
//!
//! Invariants: every goroutine of a program runs on one thread (one M), and these entry points
//! run to completion without a switch except inside `park`, so the queues need no lock against
//! other goroutines; the queue guard is always dropped before parking. A woken semaphore waiter
//! retries the acquisition (gc's `semacquire1` loop), so a release is never lost.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use super::proc::{self, G, WaitReason};

/// Waiting goroutines (as addresses) by semaphore address.
static SEMA: Mutex<Option<HashMap<usize, VecDeque<usize>>>> = Mutex::new(None);
/// Waiting goroutines and their tickets by notify-list address.
static NOTIFY: Mutex<Option<HashMap<usize, Vec<(u32, usize)>>>> = Mutex::new(None);

fn with<K: std::hash::Hash + Eq, V: Default, R>(m: &Mutex<Option<HashMap<K, V>>>, k: K, f: impl FnOnce(&mut V) -> R) -> R {
    let mut guard = m.lock().unwrap_or_else(|e| e.into_inner());
    let map = guard.get_or_insert_with(HashMap::new);
    f(map.entry(k).or_default())
}

/// gc's `cansemacquire`.
fn cansemacquire(s: &AtomicU32) -> bool {
    loop {
        let v = s.load(Ordering::SeqCst);
        if v == 0 {
            return false;
        }
        if s.compare_exchange(v, v - 1, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return true;
        }
    }
}

/// gc's `semacquire1`: decrements `*addr` once it is positive, parking meanwhile (at the queue's
/// front when `lifo`).
///
/// # Safety
/// `addr` is a live, aligned `uint32`; on a goroutine.
unsafe fn semacquire(addr: *mut u32, lifo: bool, reason: WaitReason, fp: usize, pc: usize) {
    // SAFETY: the caller's contract; Go accesses it atomically too.
    let s = unsafe { AtomicU32::from_ptr(addr) };
    while !cansemacquire(s) {
        let g = proc::current() as usize;
        with(&SEMA, addr as usize, |q| if lifo { q.push_front(g) } else { q.push_back(g) });
        proc::set_wait_frame(fp, pc);
        // SAFETY: on a goroutine; `semrelease` of this address will ready it.
        unsafe { proc::park(reason) };
    }
}

crate::jit_entry! {
    /// `internal/sync.runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)`.
    pub fn gort_semacquire_mutex(addr: *mut u32, lifo: bool, skip: i64) => semacquire_mutex;
}
extern "C" fn semacquire_mutex(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: compiler contract: a *uint32 of sync's Mutex, on a goroutine.
    unsafe { semacquire(addr, lifo, WaitReason::SyncMutexLock, fp, pc) }
}

crate::jit_entry! {
    /// `sync.runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int)`.
    pub fn gort_semacquire_rwmutexr(addr: *mut u32, lifo: bool, skip: i64) => semacquire_rwmutexr;
}
extern "C" fn semacquire_rwmutexr(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: as `semacquire_mutex`.
    unsafe { semacquire(addr, lifo, WaitReason::SyncRWMutexRLock, fp, pc) }
}

crate::jit_entry! {
    /// `sync.runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int)`.
    pub fn gort_semacquire_rwmutex(addr: *mut u32, lifo: bool, skip: i64) => semacquire_rwmutex;
}
extern "C" fn semacquire_rwmutex(addr: *mut u32, lifo: bool, _skip: i64, fp: usize, pc: usize) {
    // SAFETY: as `semacquire_mutex`.
    unsafe { semacquire(addr, lifo, WaitReason::SyncRWMutexLock, fp, pc) }
}

crate::jit_entry! {
    /// `sync.runtime_SemacquireWaitGroup(s *uint32, synctestDurable bool)` (gojit has no
    /// synctest bubbles).
    pub fn gort_semacquire_waitgroup(addr: *mut u32, durable: bool) => semacquire_waitgroup;
}
extern "C" fn semacquire_waitgroup(addr: *mut u32, _durable: bool, fp: usize, pc: usize) {
    // SAFETY: as `semacquire_mutex`.
    unsafe { semacquire(addr, false, WaitReason::SyncWaitGroupWait, fp, pc) }
}

/// `runtime_Semrelease(s *uint32, handoff bool, skipframes int)` (sync and internal/sync):
/// increments `*addr` and readies its first waiter, which then acquires it (with `handoff`,
/// gc also yields to it: here it runs next, in the P's `runnext`).
///
/// # Safety
/// `addr` is a live, aligned `uint32`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_semrelease(addr: *mut u32, _handoff: bool, _skip: i64) {
    // SAFETY: the caller's contract.
    let s = unsafe { AtomicU32::from_ptr(addr) };
    s.fetch_add(1, Ordering::SeqCst);
    if let Some(g) = with(&SEMA, addr as usize, |q| q.pop_front()) {
        // SAFETY: a goroutine parked in `semacquire`, on no run queue.
        unsafe { proc::ready(g as *mut G) };
    }
}

/// The `wait` and `notify` tickets of the notify list at `l`.
///
/// # Safety
/// `l` is a live sync.notifyList.
unsafe fn tickets<'a>(l: *mut u32) -> (&'a AtomicU32, &'a AtomicU32) {
    // SAFETY: the caller's contract: two aligned uint32 words.
    unsafe { (AtomicU32::from_ptr(l), AtomicU32::from_ptr(l.add(1))) }
}

/// gc's `less`: whether ticket `a` is before `b`, modulo wrap-around.
fn less(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) < 0
}

/// `sync.runtime_notifyListAdd(l *notifyList) uint32`: the caller's ticket.
///
/// # Safety
/// `l` is a live sync.notifyList.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_add(l: *mut u32) -> u32 {
    // SAFETY: the caller's contract.
    unsafe { tickets(l) }.0.fetch_add(1, Ordering::SeqCst)
}

crate::jit_entry! {
    /// `sync.runtime_notifyListWait(l *notifyList, t uint32)`: parks until ticket `t` is notified.
    pub fn gort_notifylist_wait(l: *mut u32, t: u32) => notifylist_wait;
}
extern "C" fn notifylist_wait(l: *mut u32, t: u32, fp: usize, pc: usize) {
    // SAFETY: compiler contract: a live notifyList, on a goroutine.
    let (_, notify) = unsafe { tickets(l) };
    if less(t, notify.load(Ordering::SeqCst)) {
        return; // notified already
    }
    let g = proc::current() as usize;
    with(&NOTIFY, l as usize, |q| q.push((t, g)));
    proc::set_wait_frame(fp, pc);
    // SAFETY: on a goroutine; a notify of `t` readies it.
    unsafe { proc::park(WaitReason::SyncCondWait) };
}

/// `sync.runtime_notifyListNotifyAll(l *notifyList)`.
///
/// # Safety
/// `l` is a live sync.notifyList.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_notifyall(l: *mut u32) {
    // SAFETY: the caller's contract.
    let (wait, notify) = unsafe { tickets(l) };
    if wait.load(Ordering::SeqCst) == notify.load(Ordering::SeqCst) {
        return;
    }
    notify.store(wait.load(Ordering::SeqCst), Ordering::SeqCst);
    for (_, g) in with(&NOTIFY, l as usize, std::mem::take) {
        // SAFETY: a goroutine parked in `notifylist_wait`, on no run queue.
        unsafe { proc::ready(g as *mut G) };
    }
}

/// `sync.runtime_notifyListNotifyOne(l *notifyList)`.
///
/// # Safety
/// `l` is a live sync.notifyList.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_notifylist_notifyone(l: *mut u32) {
    // SAFETY: the caller's contract.
    let (wait, notify) = unsafe { tickets(l) };
    let t = notify.load(Ordering::SeqCst);
    if wait.load(Ordering::SeqCst) == t {
        return;
    }
    notify.store(t.wrapping_add(1), Ordering::SeqCst);
    let woken = with(&NOTIFY, l as usize, |q| q.iter().position(|&(tk, _)| tk == t).map(|i| q.remove(i).1));
    if let Some(g) = woken {
        // SAFETY: a goroutine parked in `notifylist_wait`, on no run queue.
        unsafe { proc::ready(g as *mut G) };
    }
}

/// `sync.runtime_notifyListCheck(size uintptr)`: sync's notifyList has the runtime's size.
#[unsafe(no_mangle)]
pub extern "C" fn gort_notifylist_check(size: usize) {
    const SIZE: usize = 4 + 4 + 8 + 8 + 8;
    if size != SIZE {
        crate::panic::fatal(&format!("runtime: bad notifyList size - sync={size} runtime={SIZE}"));
    }
}
