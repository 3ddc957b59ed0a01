//! Goroutines and the scheduler, after gc's `runtime/proc.go`: a [`G`] per goroutine (its saved
//! context, stack, wait reason and its own panic/defer state), a [`P`] with gc's `runnext` slot and
//! local run queue, an [`M`] (the OS thread) whose own stack is `g0`, where [`schedule`] runs.
//!
//! # This layer
//! One M with one P (GOMAXPROCS=1 semantics): goroutines switch cooperatively when they block
//! (channel operations, `select`) or call `runtime.Gosched`/`Goexit`, when they end, and when the
//! run's monitor asks a goroutine that has run for 10 ms to yield at its next preemption poll
//! (`preempt`). The
//! structures keep gc's shape so that more Ps and Ms can come: a P owns runnable goroutines
//! (`runnext` first, then its queue, with a fairness look at the global queue every 61st tick),
//! `Gosched` puts the goroutine on the global queue, `go` and wake-ups put theirs in `runnext`.
//! The scheduler state is per OS thread (thread-local): each program run owns its M (tests run
//! programs on several threads at once); a multi-M scheduler will make [`Sched`] global behind
//! gc's `sched.lock`.
//!
//! # Soundness
//! Goroutine and scheduler records are reached through raw pointers held by this thread only;
//! no Rust reference to a [`G`] or to the scheduler is kept across a context switch, because the
//! switch runs other code that uses the same records.
//!
//! # Ending
//! `main.main` returning, `os.Exit`, an unrecovered panic or a fatal signal in any goroutine end
//! the program at once (the other goroutines' deferred calls do not run). When nothing can run:
//! gc's deadlock report, exit 2.

use super::preempt;
use super::sema;
use super::time;
use super::stack::{self, Stack};
use crate::arch;
use crate::funcdata;
use crate::panic;
use crate::trampoline;
use std::cell::{Cell, UnsafeCell};
use std::collections::VecDeque;
use std::fmt::Write;

/// gc's goroutine status, reduced to what one P needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Runnable,
    Running,
    Waiting,
    Dead,
}

/// Why a goroutine waits (gc's `waitReason`, printed in tracebacks as `goroutine 1 [chan receive]:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaitReason {
    None,
    ChanReceive,
    ChanSend,
    ChanReceiveNilChan,
    ChanSendNilChan,
    Select,
    SelectNoCases,
    Semacquire,
    Sleep,
    SyncCondWait,
    SyncMutexLock,
    SyncRWMutexRLock,
    SyncRWMutexLock,
    SyncWaitGroupWait,
    /// `sync.WaitGroup.Wait` of a synctest bubble's durably blocked goroutine.
    SynctestWaitGroupWait,
    /// The run's timer goroutine waiting for fired timers (a system goroutine, never printed).
    TimerGoroutineIdle,
    /// The finalizer goroutine waiting for finalizers to run (gc's `waitReasonFinalizerWait`).
    FinalizerWait,
}

impl WaitReason {
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::None => "running",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceiveNilChan => "chan receive (nil chan)",
            WaitReason::ChanSendNilChan => "chan send (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::Semacquire => "semacquire",
            WaitReason::Sleep => "sleep",
            WaitReason::SyncCondWait => "sync.Cond.Wait",
            WaitReason::SyncMutexLock => "sync.Mutex.Lock",
            WaitReason::SyncRWMutexRLock => "sync.RWMutex.RLock",
            WaitReason::SyncRWMutexLock => "sync.RWMutex.Lock",
            WaitReason::SyncWaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::SynctestWaitGroupWait => "sync.WaitGroup.Wait (durable)",
            WaitReason::TimerGoroutineIdle => "timer goroutine (idle)",
            WaitReason::FinalizerWait => "finalizer wait",
        }
    }
}

/// One goroutine.
pub struct G {
    pub goid: u64,
    pub status: Status,
    pub wait: WaitReason,
    /// Saved stack pointer while switched out (see `arch::gort_swap_stack`).
    sp: usize,
    /// The slot this goroutine runs on; `None` for main, whose stack `trampoline` owns.
    stack: Option<Stack>,
    /// Stack bounds `(lo, guard_hi, hi)`.
    bounds: (usize, usize, usize),
    /// The func value the entry trampoline calls (`ctx = closure`, code at `[closure]`).
    closure: usize,
    /// main's closure object: `[main.main's code]`.
    main_code: usize,
    /// Where the `go` statement was: its return pc in the creating function, and the creator.
    pub creator_pc: usize,
    pub creator_goid: u64,
    /// The goroutine's panic and defer state (its `_panic` chain and chained-defer records).
    pub(crate) panic: panic::G,
    /// `runtime.Goexit` finished running this goroutine's deferred calls.
    goexited: bool,
    /// The JIT frame `(fp, pc)` that made the blocking call the goroutine waits in (tracebacks
    /// of parked goroutines start there).
    wait_frame: (usize, usize),
    /// A runtime goroutine (the timer goroutine): not counted by `NumGoroutine`, not shown in
    /// deadlock reports (gc's `isSystemGoroutine`).
    system: bool,
}

/// A processor: the run queue of goroutines ready to run (gc's `p`).
struct P {
    runnext: *mut G,
    runq: VecDeque<*mut G>,
    schedtick: u64,
}

/// The scheduler of one program run (gc's `schedt` plus the single M and P of this layer).
struct Sched {
    /// Saved stack pointer of g0 (the thread's own stack, where [`schedule`] runs).
    g0_sp: usize,
    curg: *mut G,
    p: P,
    /// Global run queue (`Gosched` puts goroutines here).
    runq: VecDeque<*mut G>,
    allgs: Vec<*mut G>,
    next_goid: u64,
    /// The program's exit status once decided (main returned, os.Exit, crash).
    exit: Option<i32>,
    main_goexited: bool,
    rng: u64,
    /// This run's preemption monitor (gc's sysmon).
    sysmon: preempt::Monitor,
    /// Goroutines blocked on semaphores, by address (gc's `semtable`).
    sema: sema::Table,
    /// The timer heap and the timer goroutine.
    timers: time::Timers,
}

thread_local! {
    static SCHED: UnsafeCell<Option<Sched>> = const { UnsafeCell::new(None) };
    static CURG: Cell<*mut G> = const { Cell::new(std::ptr::null_mut()) };
}

/// gc numbers goroutines 2-6 for its own system goroutines (forcegc, bgsweep, bgscavenge,
/// finalizers, cleanups) before main runs; the first user goroutine of Go 1.27 is 7.
const FIRST_USER_GOID: u64 = 7;

/// The scheduler of this thread's program run.
///
/// # Safety
/// A program must be running on this thread ([`run`]); the pointer must not be turned into a
/// reference that lives across a context switch.
unsafe fn sched() -> *mut Sched {
    SCHED.with(|s| {
        // SAFETY: the cell is thread-local; we only form a raw pointer to its content.
        match unsafe { &mut *s.get() } {
            Some(s) => s as *mut Sched,
            None => panic::fatal("scheduler used outside a running program"),
        }
    })
}

/// The running goroutine, or null outside a program run.
pub fn current() -> *mut G {
    CURG.with(|c| c.get())
}

/// The running goroutine's panic state, or null outside a program run.
pub(crate) fn current_panic_state() -> *mut panic::G {
    let g = current();
    if g.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: a non-null current goroutine is a live boxed G.
    unsafe { &raw mut (*g).panic }
}

/// The running goroutine's id (1 outside a program run, as the crash report of main).
pub fn current_goid() -> u64 {
    let g = current();
    // SAFETY: a non-null current goroutine is a live boxed G.
    if g.is_null() { 1 } else { unsafe { (*g).goid } }
}

fn new_g(goid: u64, stack: Option<Stack>, bounds: (usize, usize, usize), closure: usize) -> *mut G {
    Box::into_raw(Box::new(G {
        goid,
        status: Status::Runnable,
        wait: WaitReason::None,
        sp: 0,
        stack,
        bounds,
        closure,
        main_code: 0,
        creator_pc: 0,
        creator_goid: 0,
        panic: panic::G::new(),
        goexited: false,
        wait_frame: (0, 0),
        system: false,
    }))
}

/// Runs `main.main` (code address `main_code`) as goroutine 1 on the stack `(lo, guard_hi, hi)`
/// and schedules every goroutine until the program ends; returns its exit status.
pub fn run(main_code: usize, lo: usize, guard_hi: usize, hi: usize) -> i32 {
    let seed = {
        let mut t: libc::timespec = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime writes the timespec.
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
        (t.tv_nsec as u64) ^ ((t.tv_sec as u64) << 32) ^ 0x9E37_79B9_7F4A_7C15
    };
    SCHED.with(|s| {
        // SAFETY: thread-local; no program runs on this thread yet (no other reference exists).
        unsafe {
            *s.get() = Some(Sched {
                g0_sp: 0,
                curg: std::ptr::null_mut(),
                p: P { runnext: std::ptr::null_mut(), runq: VecDeque::new(), schedtick: 0 },
                runq: VecDeque::new(),
                allgs: Vec::new(),
                next_goid: FIRST_USER_GOID,
                exit: None,
                main_goexited: false,
                rng: seed | 1,
                sysmon: preempt::Monitor::start(),
                sema: sema::Table::default(),
                timers: time::Timers::default(),
            })
        }
    });
    let g1 = new_g(1, None, (lo, guard_hi, hi), 0);
    // SAFETY: g1 is a fresh box; its closure is its own main_code word; hi is 16-aligned.
    unsafe {
        (*g1).main_code = main_code;
        (*g1).closure = &raw const (*g1).main_code as usize;
        (*g1).sp = arch::new_context(hi & !15, goroutine_main);
        let s = sched();
        (*s).allgs.push(g1);
        (*s).p.runnext = g1;
    }
    let status = schedule();
    // The program is over: release every goroutine left (their frames are abandoned; they own
    // nothing that needs dropping, see the chan module).
    SCHED.with(|s| {
        // SAFETY: we are on g0, no goroutine runs any more; nothing references the records.
        let sc = unsafe { (*s.get()).take() };
        if let Some(mut sc) = sc {
            sc.sysmon.stop();
            for g in sc.allgs {
                // SAFETY: each G was boxed by new_g and is referenced by nothing else now.
                let g = unsafe { Box::from_raw(g) };
                if let Some(st) = g.stack {
                    // SAFETY: nothing runs on the stack any more.
                    unsafe { stack::free(st) };
                }
            }
        }
    });
    CURG.with(|c| c.set(std::ptr::null_mut()));
    crate::gc::finalizer::end_run();
    status
}

/// gc's `schedule` loop on g0: run the next runnable goroutine until it switches back; free the
/// dead; stop when the program's exit status is decided; report a deadlock when nothing can run.
fn schedule() -> i32 {
    loop {
        // SAFETY: a program runs on this thread; the scheduler record is only used briefly.
        let s = unsafe { sched() };
        // SAFETY: as above; no reference outlives this block.
        if let Some(status) = unsafe { (*s).exit } {
            return status;
        }
        time::run_due();
        // SAFETY: as above.
        let Some(g) = (unsafe { find_runnable(s) }) else {
            // Nothing runnable: wait for the next timer, or the run is deadlocked.
            if time::sleep_until_next() {
                continue;
            }
            return deadlock();
        };
        // SAFETY: g is a live runnable goroutine; switching saves g0's context in the record.
        unsafe {
            (*g).status = Status::Running;
            (*g).wait = WaitReason::None;
            // The frame it parked or yielded in is stale once it runs (set again when it next
            // blocks or is preempted).
            (*g).wait_frame = (0, 0);
            (*s).curg = g;
            CURG.with(|c| c.set(g));
            let mon = &(*s).sysmon.state;
            mon.tick.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
            mon.running.store(true, std::sync::atomic::Ordering::Release);
            let g0_sp = &raw mut (*s).g0_sp;
            arch::gort_swap_stack(g0_sp, (*g).sp);
            // Back on g0: the goroutine blocked, yielded or ended (a preemption request still
            // pending is void: it has switched out).
            let s = sched();
            let mon = &(*s).sysmon.state;
            mon.running.store(false, std::sync::atomic::Ordering::Release);
            mon.withdraw();
            (*s).curg = std::ptr::null_mut();
            CURG.with(|c| c.set(std::ptr::null_mut()));
            if (*g).status == Status::Dead {
                (*s).allgs.retain(|&x| x != g);
                let g = Box::from_raw(g);
                if let Some(st) = g.stack {
                    stack::free(st);
                }
            }
        }
    }
}

/// gc's `findRunnable` for one P: every 61st tick the global queue first (fairness), then
/// `runnext`, the local queue, the global queue.
///
/// # Safety
/// `s` is this thread's scheduler.
unsafe fn find_runnable(s: *mut Sched) -> Option<*mut G> {
    // SAFETY: forwarded; the reference ends with this function and no switch happens in it.
    let s = unsafe { &mut *s };
    s.p.schedtick += 1;
    if s.p.schedtick % 61 == 0 {
        if let Some(g) = s.runq.pop_front() {
            return Some(g);
        }
    }
    if !s.p.runnext.is_null() {
        return Some(std::mem::replace(&mut s.p.runnext, std::ptr::null_mut()));
    }
    s.p.runq.pop_front().or_else(|| s.runq.pop_front())
}

/// Makes `g` runnable in the P's `runnext` slot (gc's `runqput(pp, gp, next=true)`): the
/// previous `runnext` goes to the tail of the local queue.
///
/// # Safety
/// `g` is a live goroutine that is not on any run queue.
pub unsafe fn ready(g: *mut G) {
    // SAFETY: forwarded; no switch happens while the references live.
    unsafe {
        (*g).status = Status::Runnable;
        let s = &mut *sched();
        let old = std::mem::replace(&mut s.p.runnext, g);
        if !old.is_null() {
            s.p.runq.push_back(old);
        }
    }
}

/// This run's semaphore table.
///
/// # Safety
/// A program runs on this thread; the pointer is not turned into a reference that lives across a
/// context switch.
pub(crate) unsafe fn sema_table() -> *mut sema::Table {
    // SAFETY: forwarded.
    unsafe { &raw mut (*sched()).sema }
}

/// This run's timers.
///
/// # Safety
/// As [`sema_table`].
pub(crate) unsafe fn timers() -> *mut time::Timers {
    // SAFETY: forwarded.
    unsafe { &raw mut (*sched()).timers }
}

/// Creates a runtime goroutine (goid 0, hidden as gc's system goroutines) that starts in `start`
/// on its own stack, and makes it runnable.
///
/// # Safety
/// A program runs on this thread; `start` begins with [`begin_system_goroutine`] and never
/// returns.
pub(crate) unsafe fn spawn_system(start: extern "C" fn() -> !) -> *mut G {
    let Some(st) = stack::alloc() else { panic::fatal("cannot allocate a goroutine stack") };
    // SAFETY: a program runs on this thread; the fresh stack's top 64 bytes are writable.
    unsafe {
        let g = new_g(0, Some(st), (st.lo, st.guard_hi, st.hi), 0);
        (*g).system = true;
        (*g).sp = arch::new_context(st.hi & !15, start);
        (*sched()).allgs.push(g);
        ready(g);
        g
    }
}

/// The first call of a runtime goroutine: its panic state for its stack.
pub(crate) fn begin_system_goroutine() {
    let g = current();
    // SAFETY: g is the live running goroutine.
    let (lo, guard_hi, hi) = unsafe { (*g).bounds };
    panic::begin_goroutine(lo, guard_hi, hi);
}

/// Puts the running goroutine at the tail of the P's local run queue and lets others run (gc's
/// `goyield`: like `Gosched`, but local, so a goroutine just readied into `runnext` runs next).
///
/// # Safety
/// Must run on a goroutine (not g0) of this thread's program.
pub(crate) unsafe fn goyield() {
    let g = current();
    // SAFETY: g is the running goroutine; the scheduler is live; only raw pointers cross the
    // switch.
    unsafe {
        (*g).status = Status::Runnable;
        (*sched()).p.runq.push_back(g);
        switch_to_g0();
    }
}

/// Switches from the running goroutine to g0 (gc's `mcall`). Returns when the goroutine is
/// scheduled again (never for a dead one).
///
/// # Safety
/// Must run on a goroutine (not g0) of this thread's program.
unsafe fn switch_to_g0() {
    // SAFETY: forwarded: the current G and the scheduler are live; only raw pointers cross the
    // switch.
    unsafe {
        let g = current();
        let g0_sp = (*sched()).g0_sp;
        arch::gort_swap_stack(&raw mut (*g).sp, g0_sp);
    }
}

/// Records the JIT frame `(fp, pc)` of the blocking operation the running goroutine is in.
pub fn set_wait_frame(fp: usize, pc: usize) {
    let g = current();
    if !g.is_null() {
        // SAFETY: g is the live running goroutine.
        unsafe { (*g).wait_frame = (fp, pc) };
    }
}

/// Blocks the running goroutine with `reason` until [`ready`] is called for it (gc's `gopark`).
///
/// # Safety
/// Must run on a goroutine; whoever will wake it must hold a pointer to it (or nobody, to block
/// forever).
#[inline(never)]
pub unsafe fn park(reason: WaitReason) {
    let g = current();
    // SAFETY: g is the live running goroutine.
    unsafe {
        (*g).status = Status::Waiting;
        (*g).wait = reason;
        switch_to_g0();
    }
}

/// A pseudo-random number (gc's `cheaprand`), for `select`'s case order.
pub fn cheaprand() -> u64 {
    // SAFETY: a program runs on this thread; the reference is local to this call.
    let s = unsafe { &mut *sched() };
    // xorshift64*
    let mut x = s.rng;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    s.rng = x;
    x.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// The first function of every goroutine, on its own stack: runs its func value through the
/// entry trampoline (where its panic walks end), then ends it.
extern "C" fn goroutine_main() -> ! {
    let g = current();
    // SAFETY: g is the live running goroutine (set by schedule before switching here).
    let (closure, (lo, guard_hi, hi)) = unsafe { ((*g).closure, (*g).bounds) };
    panic::begin_goroutine(lo, guard_hi, hi);
    // SAFETY: we run on the goroutine's stack; closure is a Go func value.
    let status = unsafe { trampoline::enter(closure, panic::entry_fp_slot()) };
    let status = panic::end_goroutine(status as i32);
    goexit0(status)
}

/// Ends the running goroutine (gc's `goexit0`) after its entry trampoline returned `status`.
fn goexit0(status: i32) -> ! {
    let g = current();
    // SAFETY: g and the scheduler are live; no reference crosses the final switch.
    unsafe {
        let s = sched();
        if (*s).exit.is_none() {
            if status != 0 {
                (*s).exit = Some(status);
            } else if (*g).goid == 1 {
                if (*g).goexited {
                    (*s).main_goexited = true;
                } else {
                    (*s).exit = Some(0);
                }
            }
        }
        (*g).status = Status::Dead;
        switch_to_g0();
    }
    panic::fatal("dead goroutine scheduled")
}

/// Records that the program ends with `status` (os.Exit, an unrecovered panic): the running
/// goroutine is ended by the caller through its entry trampoline.
pub(crate) fn request_exit(status: i32) {
    SCHED.with(|s| {
        // SAFETY: thread-local; the reference is local to this call.
        if let Some(s) = unsafe { &mut *s.get() } {
            s.exit.get_or_insert(status);
        }
    });
}

/// Takes this run's pending preemption request (the slow path of a poll); false when there is
/// none or no program runs on this thread.
pub(crate) fn take_preempt_request() -> bool {
    SCHED.with(|s| {
        // SAFETY: thread-local; the reference is local to this call and nothing switches in it.
        match unsafe { &*s.get() } {
            Some(s) => s.sysmon.state.withdraw(),
            None => false,
        }
    })
}

/// Marks the running goroutine as ended by `runtime.Goexit` (its deferred calls have run).
pub(crate) fn mark_goexited() {
    let g = current();
    if !g.is_null() {
        // SAFETY: g is the live running goroutine.
        unsafe { (*g).goexited = true };
    }
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

crate::jit_entry! {
    /// `go f(args)`: `closure` is a `func()` value performing the call (the compiler evaluated
    /// `f` and the arguments at the statement, as for `defer`). Creates the goroutine and puts it
    /// in `runnext` (gc's `newproc`). `system_v`; it panics only by a fatal error.
    pub fn gort_go(closure: usize) => go_entry;
}

extern "C" fn go_entry(closure: usize, _fp: usize, ret_pc: usize) {
    if closure == 0 {
        // gc: `go nilfunc()` is `fatal error: go of nil func value`.
        panic::fatal("go of nil func value");
    }
    let Some(st) = stack::alloc() else { panic::fatal("cannot allocate a goroutine stack") };
    // SAFETY: a program runs on this thread; the fresh stack's top 64 bytes are writable.
    unsafe {
        let s = sched();
        let goid = (*s).next_goid;
        (*s).next_goid += 1;
        let g = new_g(goid, Some(st), (st.lo, st.guard_hi, st.hi), closure);
        (*g).creator_pc = ret_pc;
        (*g).creator_goid = current_goid();
        (*g).sp = arch::new_context(st.hi & !15, goroutine_main);
        (*s).allgs.push(g);
        ready(g);
    }
}

/// `runtime.Gosched()`: puts the running goroutine on the global queue and lets others run.
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_gosched() {
    let g = current();
    if g.is_null() {
        return;
    }
    // SAFETY: g is the running goroutine; the scheduler is live.
    unsafe {
        (*g).status = Status::Runnable;
        (*sched()).runq.push_back(g);
        switch_to_g0();
    }
}

/// Calls `f(g, stack_lo, stack_hi, saved_sp, running)` for every goroutine that has not ended
/// (the collector's root enumeration, through `stw::for_each_g`).
pub(crate) fn for_each_g(mut f: impl FnMut(*mut G, usize, usize, usize, bool)) {
    let cur = current();
    SCHED.with(|s| {
        // SAFETY: thread-local; the records are only read, and f does not switch goroutines.
        if let Some(s) = unsafe { &*s.get() } {
            for &g in &s.allgs {
                // SAFETY: allgs holds live boxed Gs.
                unsafe {
                    if (*g).status != Status::Dead {
                        f(g, (*g).bounds.1, (*g).bounds.2, (*g).sp, g == cur);
                    }
                }
            }
        }
    });
}

/// The words a goroutine's record holds in Rust memory that may point into the Go heap (the
/// collector's roots beyond its stack): its start closure and its panic/defer state.
///
/// # Safety
/// `g` must be a live G of this thread's program, with the world stopped.
pub(crate) unsafe fn for_each_g_root(g: *mut G, f: &mut dyn FnMut(usize)) {
    // SAFETY: guaranteed by the caller; the record is only read.
    unsafe {
        f((*g).closure);
        (*g).panic.for_each_root(f);
    }
}

/// Calls `f` with every Go pointer the scheduler itself holds in Rust memory (the timer heap and
/// the fired timer calls), for the collector's root scan.
///
/// # Safety
/// The world is stopped; a program runs on this thread.
pub(crate) unsafe fn for_each_sched_root(f: &mut dyn FnMut(usize)) {
    // SAFETY: forwarded; the records are only read.
    unsafe { time::for_each_root(&(*sched()).timers, f) }
}

/// `runtime.NumGoroutine()`: goroutines that exist (not ended).
#[unsafe(no_mangle)]
pub extern "C" fn gort_numgoroutine() -> i64 {
    // SAFETY: a program runs on this thread.
    unsafe { (*sched()).allgs.iter().filter(|&&g| (*g).status != Status::Dead && !(*g).system).count() as i64 }
}

/// `runtime.NumCPU()`: the CPUs this process may use.
#[unsafe(no_mangle)]
pub extern "C" fn gort_numcpu() -> i64 {
    std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(1)
}

/// `runtime.GOMAXPROCS(n)`: returns the previous setting. This layer runs one P, so the setting is
/// always 1 and `n` is not applied yet.
#[unsafe(no_mangle)]
pub extern "C" fn gort_gomaxprocs(_n: i64) -> i64 {
    1
}

crate::jit_entry! {
    /// `select {}`: blocks forever.
    pub fn gort_block() => block_entry;
}

extern "C" fn block_entry(fp: usize, pc: usize) {
    set_wait_frame(fp, pc);
    // SAFETY: on a goroutine; nobody will wake it.
    unsafe { park(WaitReason::SelectNoCases) };
    panic::fatal("blocked goroutine woken");
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/// `created by main.f in goroutine N` and the `go` statement's place, after a goroutine's frames.
pub fn append_created_by(out: &mut String, g: *const G) {
    if g.is_null() {
        return;
    }
    // SAFETY: g is a live goroutine.
    let (pc, creator) = unsafe { ((*g).creator_pc, (*g).creator_goid) };
    if pc == 0 {
        return;
    }
    if let Some((t, f)) = funcdata::lookup(pc) {
        // gc omits the creator of goroutines started on g0 (goid 0: timer functions).
        let by = if creator == 0 { String::new() } else { format!(" in goroutine {creator}") };
        let _ = writeln!(out, "created by {}{by}\n\t{}:{} +{:#x}", t.name(f), t.file_of(f), t.call_line(f, pc), pc - f.start);
    }
}

/// `\ngoroutine N [running]:` and the running goroutine's frames from the JIT frame `(fp, pc)`,
/// then its `created by` lines (the body of a `fatal error:` report, as gc's `throw` prints).
pub fn append_running_traceback(out: &mut String, fp: usize, pc: usize) {
    let _ = write!(out, "\ngoroutine {} [running]:\n", current_goid());
    if funcdata::lookup(pc).is_some() {
        crate::unwind::traceback_frames(out, fp, pc, 100, false);
    }
    append_created_by(out, current());
}

/// The JIT frame `(fp, pc)` a parked goroutine blocks in.
///
/// # Safety
/// `g` is a live goroutine that is not running.
unsafe fn parked_frame(g: *const G) -> Option<(usize, usize)> {
    // SAFETY: forwarded.
    let (fp, pc) = unsafe { (*g).wait_frame };
    (pc != 0 && funcdata::lookup(pc).is_some()).then_some((fp, pc))
}

/// Every goroutine's traceback for the SIGQUIT report (gc's `tracebackothers` after the running
/// goroutine): the running one from its JIT frame `(fp, pc)` (a return address), then every other
/// live goroutine with its state (`[chan receive]`, `[runnable]`) and the frame it parked or was
/// preempted in, each followed by its `created by` lines.
pub fn append_all_goroutines(out: &mut String, fp: usize, pc: usize) {
    let cur = current();
    // SAFETY: a program runs on this thread; the records are only read and nothing switches.
    let gs = unsafe { (*sched()).allgs.clone() };
    let mut first = true;
    for g in std::iter::once(cur).chain(gs.into_iter().filter(|&g| g != cur)) {
        if g.is_null() {
            continue;
        }
        // SAFETY: g is live; a parked goroutine is made current only while its frames are read
        // (the traceback checks frame pointers against the current goroutine's stack).
        unsafe {
            if (*g).status == Status::Dead {
                continue;
            }
            if !first {
                out.push('\n');
            }
            first = false;
            let state = match (*g).status {
                Status::Running => "running",
                Status::Runnable => "runnable",
                _ => (*g).wait.as_str(),
            };
            let _ = writeln!(out, "goroutine {} [{state}]:", (*g).goid);
            let frame = if g == cur { Some((fp, pc)) } else { parked_frame(g) };
            CURG.with(|c| c.set(g));
            if let Some((fp, pc)) = frame {
                crate::unwind::traceback_frames(out, fp, pc, 100, false);
            }
            append_created_by(out, g);
        }
    }
    CURG.with(|c| c.set(cur));
}

/// gc's `checkdead`: no goroutine can run. Prints the report; the program's status is 2.
fn deadlock() -> i32 {
    // SAFETY: on g0, a program runs on this thread; records are only read.
    let (goexited, gs) = unsafe { ((*sched()).main_goexited, (*sched()).allgs.clone()) };
    if goexited {
        write_report("fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
        return 2;
    }
    let mut out = String::from("fatal error: all goroutines are asleep - deadlock!\n");
    for g in gs {
        // SAFETY: g is a live, parked goroutine; it is made current only while its frames are
        // read (the traceback checks frame pointers against the current goroutine's stack).
        unsafe {
            if (*g).status == Status::Dead || (*g).system {
                continue;
            }
            let _ = write!(out, "\ngoroutine {} [{}]:\n", (*g).goid, (*g).wait.as_str());
            CURG.with(|c| c.set(g));
            if let Some((fp, pc)) = parked_frame(g) {
                crate::unwind::traceback_frames(&mut out, fp, pc, 100, false);
            }
            append_created_by(&mut out, g);
            CURG.with(|c| c.set(std::ptr::null_mut()));
        }
    }
    write_report(&out);
    2
}

fn write_report(s: &str) {
    crate::output::flush_stdout();
    use std::io::Write as _;
    let _ = std::io::stderr().write_all(s.as_bytes());
}
