//! Timers and the clocks, after gc's `runtime/time.go` (Go 1.23+ semantics): `time.Sleep`, the
//! runtime side of GOROOT's `time` package (`newTimer`, `stopTimer`, `resetTimer`, `runtimeNano`,
//! `now`) and the timer heap the scheduler runs.
//!
//! # The heap
//! Each program run has one [`Timers`] (gc has one per P): a min-heap of `(when, generation,
//! timer)`. Removing or re-arming a timer bumps its generation, so older heap entries are stale
//! and dropped when they reach the top (gc's zombies); `live` counts the timers really in the
//! heap. The scheduler runs due timers before each scheduling decision ([`run_due`]) and, when
//! nothing is runnable but a timer is pending, sleeps until the earliest one
//! ([`sleep_until_next`]): a pending timer is never a deadlock, as in gc's `checkdead`.
//!
//! # Timer kinds
//! - A sleep timer ([`gort_timesleep`]) lives in the sleeping goroutine's frame and readies it.
//! - A `time.Timer`/`Ticker`/`AfterFunc` timer lives in the Go allocation `newTimer` returns
//!   (gc's `timeTimer`: the `time.Timer` fields `C`, `initTimer`, then [`Timer`]). Its function
//!   (`time.sendTime`, `time.goFunc`) runs on the run's timer goroutine, a system goroutine
//!   (hidden from tracebacks and `NumGoroutine`, goid 0 as gc's g0) that the scheduler readies
//!   with the fired calls in order; or directly on a receiving goroutine (below).
//! - Channel timers (`NewTimer`, `After`, `NewTicker`) follow gc 1.23's synchronous channels: the
//!   timer is in the heap only while a goroutine is blocked on its channel
//!   ([`block_timer_chan`]); a receive first runs an expired timer itself
//!   ([`maybe_run_chan`]); `Stop`/`Reset` bump the timer's `seq` (a fired send still queued is
//!   dropped) and drain the channel, so no stale value is received after they return; `len` and
//!   `cap` of a timer channel are 0.
//!
//! # Soundness
//! Timer records are reached through raw pointers: heap entries and the pending calls point
//! into Go memory (collector roots, [`for_each_root`], as gc's timer heaps are) or
//! into a parked goroutine's frame (a sleep timer is in the heap exactly while its goroutine
//! sleeps). Every function here runs with the scheduler lock held (`proc::lock`; the entry points
//! take it), except that a timer's function (Go code) runs without it: [`run_call`] releases it
//! first. An idle M sleeps until the earliest timer (`proc::schedule`); adding a timer wakes it
//! to look again ([`heap_add`]).

use super::proc::{self, G, WaitReason};
use crate::chan::chan::{self as chan, Chan};
use crate::panic;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// gc's `maxWhen`.
pub const MAX_WHEN: i64 = i64::MAX;

/// gc's `timer` (the runtime part of a `time.Timer`).
#[repr(C)]
pub struct Timer {
    /// When it fires next (0: not armed).
    pub when: i64,
    pub period: i64,
    /// The Go func value `func(arg any, seq uintptr, delay int64)` (0 for a sleep timer).
    pub f: usize,
    /// `arg` as its two words (type, data).
    pub arg: [usize; 2],
    pub seq: usize,
    /// The timer's channel (gc's `isChan`), or null.
    pub chan: *mut Chan,
    /// A sleep timer's goroutine, or null.
    pub g: *mut G,
    /// Goroutines blocked on the channel.
    pub blocked: u32,
    /// Fired one-shot channel sends not run yet (gc's `isSending`).
    pub sending: u32,
    heaped: bool,
    generation: u64,
}

impl Timer {
    fn new() -> Timer {
        Timer {
            when: 0,
            period: 0,
            f: 0,
            arg: [0; 2],
            seq: 0,
            chan: std::ptr::null_mut(),
            g: std::ptr::null_mut(),
            blocked: 0,
            sending: 0,
            heaped: false,
            generation: 0,
        }
    }

    fn is_chan(&self) -> bool {
        !self.chan.is_null()
    }

    /// gc's `needsAdd`.
    fn needs_add(&self) -> bool {
        !self.heaped && self.when > 0 && (!self.is_chan() || self.blocked > 0)
    }
}

/// A fired timer's call waiting for the timer goroutine.
struct Call {
    t: *mut Timer,
    f: usize,
    arg: [usize; 2],
    seq: usize,
    delay: i64,
}

/// One run's timers (gc's per-P `timers`).
#[derive(Default)]
pub struct Timers {
    heap: BinaryHeap<Reverse<(i64, u64, usize)>>,
    /// Timers really in the heap (not counting stale entries).
    live: usize,
    calls: VecDeque<Call>,
    /// The timer goroutine (created on first need) and whether it is parked waiting for calls.
    timer_g: Option<*mut G>,
    timer_g_idle: bool,
}

impl Timers {
    /// Whether a timer is pending (the run is not deadlocked while one is).
    pub fn pending(&self) -> bool {
        self.live > 0
    }

    /// Adds `t` at `t.when` (gc's `addHeap`).
    ///
    /// # Safety
    /// `t` is a live timer not in the heap.
    unsafe fn add(&mut self, t: *mut Timer) {
        // SAFETY: forwarded.
        unsafe {
            (*t).heaped = true;
            (*t).generation += 1;
            self.heap.push(Reverse(((*t).when, (*t).generation, t as usize)));
        }
        self.live += 1;
        if self.heap.len() > 2 * self.live + 64 {
            self.compact();
        }
    }

    /// Drops every stale entry (gc's `adjust` when zombies pile up): a timer re-armed many times
    /// far in the future leaves one stale entry per `Reset`.
    fn compact(&mut self) {
        self.heap.retain(|&Reverse((_, generation, t))| {
            // SAFETY: as in `clean_head`: an entry's timer outlives the entry.
            unsafe { (*(t as *const Timer)).heaped && (*(t as *const Timer)).generation == generation }
        });
    }

    /// Takes `t` out of the heap (its entry goes stale).
    ///
    /// # Safety
    /// `t` is a live timer.
    unsafe fn remove(&mut self, t: *mut Timer) {
        // SAFETY: forwarded.
        unsafe {
            if (*t).heaped {
                (*t).heaped = false;
                (*t).generation += 1;
                self.live -= 1;
            }
        }
    }

    /// Drops stale entries at the top; returns the earliest live timer and its `when`.
    pub(super) fn clean_head(&mut self) -> Option<(i64, *mut Timer)> {
        while let Some(&Reverse((when, generation, t))) = self.heap.peek() {
            let t = t as *mut Timer;
            // SAFETY: every entry's timer outlives the entry: a sleep timer is never stopped or
            // re-armed, so its one entry is current until it fires and is popped (while its
            // goroutine is parked); a `time.Timer`'s memory outlives the run's heap (module docs).
            let current = unsafe { (*t).heaped && (*t).generation == generation };
            if current {
                return Some((when, t));
            }
            self.heap.pop();
        }
        None
    }
}

/// Calls `f` with every Go pointer the run's timer state holds in Rust memory (the collector's
/// roots): each heap entry's timer (inside its `time.Timer` allocation; stale entries too, since
/// the heap still reads them) and each fired call's timer, function and argument.
pub(crate) fn for_each_root(ts: &Timers, f: &mut dyn FnMut(usize)) {
    for &Reverse((_, _, t)) in ts.heap.iter() {
        f(t);
    }
    for c in &ts.calls {
        f(c.t as usize);
        f(c.f);
        f(c.arg[0]);
        f(c.arg[1]);
    }
}

/// This run's timers.
///
/// # Safety
/// The scheduler lock is held; the pointer is not turned into a reference that lives across a
/// context switch or an unlock.
unsafe fn timers() -> *mut Timers {
    // SAFETY: forwarded.
    unsafe { proc::timers() }
}

/// Adds `t` to the run's heap and lets a sleeping M see it.
///
/// # Safety
/// The lock is held; `t` is live and not in the heap.
unsafe fn heap_add(t: *mut Timer) {
    // SAFETY: forwarded.
    unsafe {
        (*timers()).add(t);
        proc::timers_changed();
    }
}

// ---------------------------------------------------------------------------------------------
// Clocks
// ---------------------------------------------------------------------------------------------

fn clock(id: libc::clockid_t) -> libc::timespec {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec.
    unsafe { libc::clock_gettime(id, &mut t) };
    t
}

/// gc's `nanotime`: the monotonic clock in nanoseconds.
pub fn nanotime() -> i64 {
    let t = clock(libc::CLOCK_MONOTONIC);
    t.tv_sec as i64 * 1_000_000_000 + t.tv_nsec as i64
}

/// gc's `walltime`: seconds and nanoseconds since the Unix epoch.
pub fn walltime() -> (i64, i32) {
    let t = clock(libc::CLOCK_REALTIME);
    (t.tv_sec as i64, t.tv_nsec as i32)
}

// ---------------------------------------------------------------------------------------------
// Running timers
// ---------------------------------------------------------------------------------------------

/// gc's `unlockAndRun` up to the call: re-arms a periodic timer, then readies a sleeper, returns
/// the call to run here (`now_here`: the caller, on a goroutine, runs it with [`run_call`]) or
/// queues it for the timer goroutine.
///
/// # Safety
/// `t` is live and out of the heap; the lock is held.
unsafe fn fire(t: *mut Timer, now: i64, now_here: bool) -> Option<Call> {
    // SAFETY: forwarded; the Timers reference ends before any switch.
    unsafe {
        let delay = now - (*t).when;
        let next = if (*t).period > 0 {
            let n = (*t).when.wrapping_add((*t).period.wrapping_mul(1 + delay / (*t).period));
            if n < 0 { MAX_WHEN } else { n }
        } else {
            0
        };
        (*t).when = next;
        if !(*t).g.is_null() {
            proc::ready((*t).g);
            return None;
        }
        if (*t).needs_add() {
            heap_add(t);
        }
        if (*t).is_chan() && (*t).period == 0 {
            (*t).sending += 1;
        }
        let call = Call { t, f: (*t).f, arg: (*t).arg, seq: (*t).seq, delay };
        if now_here {
            return Some(call);
        }
        queue_call(call);
        None
    }
}

/// Runs every timer due at `now` (gc's `timers.run` from `checkTimers`), on g0 with the lock held.
pub fn run_due() {
    // SAFETY: a program runs on this thread and holds the lock; the reference ends within each
    // statement.
    unsafe {
        if !(*timers()).pending() {
            return;
        }
        let now = nanotime();
        while let Some((when, t)) = (*timers()).clean_head() {
            if when > now {
                break;
            }
            (*timers()).heap.pop();
            (*timers()).remove(t);
            fire(t, now, false);
        }
    }
}

/// When the earliest pending timer is due (monotonic ns), or `None` when no timer is pending
/// (then a run with nothing runnable is deadlocked). The lock is held.
pub fn next_when() -> Option<i64> {
    // SAFETY: a program runs on this thread and holds the lock; the reference ends within the
    // statement.
    unsafe { (*timers()).clean_head() }.map(|(when, _)| when)
}

/// Hands a fired call to the timer goroutine, creating or waking it.
///
/// # Safety
/// The lock is held.
unsafe fn queue_call(call: Call) {
    // SAFETY: forwarded; no switch happens here (ready only queues).
    unsafe {
        let ts = timers();
        (*ts).calls.push_back(call);
        match (*ts).timer_g {
            None => {
                (*ts).timer_g = Some(proc::spawn_system(timer_goroutine_main));
                (*ts).timer_g_idle = false;
            }
            Some(g) if (*ts).timer_g_idle => {
                (*ts).timer_g_idle = false;
                proc::ready(g);
            }
            Some(_) => {}
        }
    }
}

/// Runs one fired call (the rest of gc's `unlockAndRun`): a channel timer's send is dropped when
/// `Stop`/`Reset` changed its `seq` since it fired. Called with the lock held; releases it before
/// the timer's function runs and returns without it.
///
/// # Safety
/// On a goroutine holding the lock; `call.t` is live.
unsafe fn run_call(call: Call) {
    // SAFETY: forwarded.
    unsafe {
        let t = call.t;
        if (*t).is_chan() {
            if (*t).period == 0 {
                (*t).sending -= 1;
            }
            if (*t).seq != call.seq {
                proc::unlock();
                return;
            }
        }
        proc::unlock();
        if call.f == 0 {
            return;
        }
        let words = [call.arg[0], call.arg[1], call.seq, call.delay as usize];
        if crate::trampoline::call_timer_func(call.f, words).is_err() {
            let v = panic::take_method_panic().unwrap_or(crate::abi::Eface { typ: std::ptr::null(), data: std::ptr::null_mut() });
            panic::throw(v);
        }
    }
}

/// The timer goroutine: runs the fired calls in order, then parks until there are more.
extern "C" fn timer_goroutine_main() -> ! {
    proc::begin_system_goroutine();
    loop {
        // SAFETY: on this run's timer goroutine; the lock is taken for the queue.
        unsafe { proc::lock() };
        // SAFETY: on this run's timer goroutine holding the lock; the Timers reference ends
        // within the statement.
        while let Some(call) = unsafe { (*timers()).calls.pop_front() } {
            // SAFETY: on a goroutine holding the lock; the call's timer is live (module docs).
            // It returns without the lock.
            unsafe {
                run_call(call);
                proc::lock();
            }
        }
        // SAFETY: as above; queue_call readies us when calls arrive; park releases the lock.
        unsafe {
            (*timers()).timer_g_idle = true;
            proc::park(WaitReason::TimerGoroutineIdle);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Timer operations (gc's timer.modify, stop, maybeRunChan, blockTimerChan, unblockTimerChan)
// ---------------------------------------------------------------------------------------------

/// gc's `timer.modify`: arms `t` for `when` (repeating every `period`), with a new function when
/// `f` is given. Returns whether it was armed before (or a fired send was still pending).
///
/// # Safety
/// `t` is live; the lock is held.
unsafe fn modify(t: *mut Timer, when: i64, period: i64, f: Option<(usize, [usize; 2])>) -> bool {
    if when <= 0 {
        panic::fatal("timer when must be positive");
    }
    if period < 0 {
        panic::fatal("timer period must be non-negative");
    }
    // SAFETY: forwarded.
    unsafe {
        let old_period = (*t).period;
        (*t).period = period;
        if let Some((f, arg)) = f {
            (*t).f = f;
            (*t).arg = arg;
            (*t).seq = 0;
        }
        let mut pending = (*t).when > 0;
        (*t).when = when;
        (*timers()).remove(t);
        if (*t).is_chan() {
            (*t).seq = (*t).seq.wrapping_add(1);
            if old_period == 0 && (*t).sending > 0 {
                pending = true;
            }
            if chan::timer_drain((*t).chan) {
                pending = true;
            }
        }
        if (*t).needs_add() {
            heap_add(t);
        }
        pending
    }
}

/// gc's `timer.stop`: disarms `t`. Returns whether it was armed (or a fired send was pending).
///
/// # Safety
/// `t` is live; the lock is held.
unsafe fn stop(t: *mut Timer) -> bool {
    // SAFETY: forwarded.
    unsafe {
        (*timers()).remove(t);
        let mut pending = (*t).when > 0;
        (*t).when = 0;
        if (*t).is_chan() {
            (*t).seq = (*t).seq.wrapping_add(1);
            if (*t).period == 0 && (*t).sending > 0 {
                pending = true;
            }
            if chan::timer_drain((*t).chan) {
                pending = true;
            }
        }
        pending
    }
}

/// gc's `maybeRunChan`: before a receive on a timer channel, an expired timer that is not in the
/// heap runs here, on the receiving goroutine, so the receive sees its value.
///
/// # Safety
/// On a goroutine, not holding the lock; `t` is live.
pub unsafe fn maybe_run_chan(t: *mut Timer) {
    // SAFETY: forwarded; run_call releases the lock.
    unsafe {
        proc::lock();
        if (*t).heaped || (*t).when == 0 {
            proc::unlock();
            return;
        }
        let now = nanotime();
        if (*t).when > now {
            proc::unlock();
            return;
        }
        match fire(t, now, true) {
            Some(call) => run_call(call),
            None => proc::unlock(),
        }
    }
}

/// gc's `blockTimerChan`: a goroutine blocks on `t`'s channel, so the timer must be in the heap.
///
/// # Safety
/// `t` is live; the lock is held.
pub unsafe fn block_timer_chan(t: *mut Timer) {
    // SAFETY: forwarded.
    unsafe {
        (*t).blocked += 1;
        if (*t).needs_add() {
            heap_add(t);
        }
    }
}

/// gc's `unblockTimerChan`: when no goroutine is blocked on the channel any more, the timer
/// leaves the heap (a later receive runs it through [`maybe_run_chan`]).
///
/// # Safety
/// `t` is live; the lock is held.
pub unsafe fn unblock_timer_chan(t: *mut Timer) {
    // SAFETY: forwarded.
    unsafe {
        if (*t).blocked == 0 {
            panic::fatal("timer data corruption");
        }
        (*t).blocked -= 1;
        if (*t).blocked == 0 {
            (*timers()).remove(t);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points (the bodies of GOROOT time's linknamed functions)
// ---------------------------------------------------------------------------------------------

crate::jit_entry! {
    /// `time.Sleep(d)` (gc's `timeSleep`): `[sleep]` until `d` nanoseconds have passed.
    /// `system_v`; never panics.
    pub fn gort_timesleep(ns: i64) => timesleep_entry;
}

extern "C" fn timesleep_entry(ns: i64, fp: usize, pc: usize) {
    if ns <= 0 {
        return;
    }
    let g = proc::current();
    if g.is_null() {
        panic::fatal("time.Sleep not on a goroutine");
    }
    let when = nanotime().checked_add(ns).unwrap_or(MAX_WHEN);
    // The record stays in this frame while the goroutine sleeps (it is in the heap exactly then).
    let mut t = Timer::new();
    t.when = when;
    t.g = g;
    let tp: *mut Timer = &mut t;
    // SAFETY: on a goroutine; the timer readies us when it fires, which pops it from the heap
    // (under the lock, which park releases once we have switched out).
    unsafe {
        proc::set_wait_frame(fp, pc);
        proc::lock();
        heap_add(tp);
        proc::park(WaitReason::Sleep);
    }
}

/// Bytes of the `time.Timer` fields before the runtime's part (`C`, `initTimer`).
const TIME_TIMER_HEAD: usize = 16;

/// `time.newTimer(when, period int64, f func(any, uintptr, int64), arg any, cp unsafe.Pointer)
/// *Timer`: allocates gc's `timeTimer` (the `time.Timer` fields, then [`Timer`]), ties it to the
/// channel `cp` (a `chan Time` with a 1-element buffer, or null for `AfterFunc`) and arms it.
///
/// # Safety
/// Called by JIT code with a func value, an interface's words and a channel or null.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_newtimer(when: i64, period: i64, f: usize, arg_typ: usize, arg_data: usize, cp: *mut Chan) -> *mut u8 {
    let mem = crate::alloc::alloc_zeroed(TIME_TIMER_HEAD + std::mem::size_of::<Timer>(), 8);
    // SAFETY: a fresh allocation of the right size, 8-aligned; cp is null or a live channel.
    unsafe {
        let t = mem.add(TIME_TIMER_HEAD) as *mut Timer;
        t.write(Timer::new());
        if !cp.is_null() {
            if (*cp).cap == 0 {
                panic::fatal("invalid timer channel: no capacity");
            }
            (*t).chan = cp;
            (*cp).timer = t;
        }
        proc::lock();
        modify(t, when, period, Some((f, [arg_typ, arg_data])));
        proc::unlock();
        // t.init = true (gc's timeTimer.init, time.Timer.initTimer)
        *mem.add(8) = 1;
    }
    mem
}

/// The runtime part of a `*time.Timer` that `gort_newtimer` made.
///
/// # Safety
/// `tt` came from [`gort_newtimer`].
unsafe fn of(tt: *mut u8) -> *mut Timer {
    // SAFETY: forwarded.
    unsafe { tt.add(TIME_TIMER_HEAD) as *mut Timer }
}

/// `time.stopTimer(*Timer) bool`.
///
/// # Safety
/// `tt` came from [`gort_newtimer`]; called by JIT code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_stoptimer(tt: *mut u8) -> bool {
    // SAFETY: forwarded, under the lock.
    unsafe {
        proc::lock();
        let r = stop(of(tt));
        proc::unlock();
        r
    }
}

/// `time.resetTimer(t *Timer, when, period int64) bool`.
///
/// # Safety
/// `tt` came from [`gort_newtimer`]; called by JIT code.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_resettimer(tt: *mut u8, when: i64, period: i64) -> bool {
    // SAFETY: forwarded, under the lock.
    unsafe {
        proc::lock();
        let r = modify(of(tt), when, period, None);
        proc::unlock();
        r
    }
}

/// `time.runtimeNano() int64`, `internal/sync.runtime_nanotime`: the monotonic clock.
#[unsafe(no_mangle)]
pub extern "C" fn gort_nanotime() -> i64 {
    nanotime()
}

/// `time.now() (sec int64, nsec int32, mono int64)` (also `time.runtimeNow`): the wall clock and
/// the monotonic clock, written to `out[0..3]`.
///
/// # Safety
/// `out` is writable for three words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_time_now(out: *mut i64) {
    let (sec, nsec) = walltime();
    let mono = nanotime();
    // SAFETY: forwarded.
    unsafe {
        *out = sec;
        *out.add(1) = nsec as i64;
        *out.add(2) = mono;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer_at(when: i64) -> Box<Timer> {
        let mut t = Box::new(Timer::new());
        t.when = when;
        t
    }

    #[test]
    fn heap_pops_in_when_order_and_skips_removed_timers() {
        let mut ts = Timers::default();
        let mut a = timer_at(30);
        let mut b = timer_at(10);
        let mut c = timer_at(20);
        let (pa, pb, pc): (*mut Timer, *mut Timer, *mut Timer) = (&mut *a, &mut *b, &mut *c);
        // SAFETY: the boxes outlive the heap's use of them.
        unsafe {
            ts.add(pa);
            ts.add(pb);
            ts.add(pc);
            assert_eq!(ts.live, 3);
            ts.remove(pb);
            assert_eq!(ts.live, 2);
            assert_eq!(ts.clean_head(), Some((20, pc)), "the removed timer's entry is stale");
            // Re-arming makes the old entry stale and adds a new one.
            ts.remove(pc);
            (*pc).when = 40;
            ts.add(pc);
            assert_eq!(ts.clean_head(), Some((30, pa)));
            ts.heap.pop();
            ts.remove(pa);
            assert_eq!(ts.clean_head(), Some((40, pc)));
            ts.heap.pop();
            ts.remove(pc);
            assert_eq!(ts.clean_head(), None);
            assert!(!ts.pending());
        }
    }

    #[test]
    fn stale_entries_are_compacted() {
        let mut ts = Timers::default();
        let mut t = timer_at(1_000);
        let p: *mut Timer = &mut *t;
        // SAFETY: the box outlives the heap's use of it.
        unsafe {
            for i in 0..10_000 {
                ts.remove(p);
                (*p).when = 1_000 + i;
                ts.add(p);
            }
            assert_eq!(ts.live, 1);
            assert!(ts.heap.len() <= 2 * ts.live + 65, "{} entries for one timer", ts.heap.len());
            assert_eq!(ts.clean_head(), Some((10_999, p)));
        }
    }

    #[test]
    fn channel_timers_enter_the_heap_only_while_blocked() {
        let mut t = Timer::new();
        t.when = 5;
        assert!(t.needs_add(), "a plain timer is heaped when armed");
        t.chan = std::ptr::NonNull::dangling().as_ptr();
        assert!(!t.needs_add(), "a channel timer nobody waits on stays out (gc 1.23)");
        t.blocked = 1;
        assert!(t.needs_add());
        t.when = 0;
        assert!(!t.needs_add(), "a disarmed timer never");
    }

    #[test]
    fn clocks_advance() {
        let a = nanotime();
        let b = nanotime();
        assert!(b >= a && a > 0);
        let (sec, nsec) = walltime();
        assert!(sec > 1_600_000_000 && (0..1_000_000_000).contains(&nsec));
    }
}
