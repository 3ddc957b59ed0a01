//! Goroutines and the scheduler, after gc's `runtime/proc.go`: a [`G`] per goroutine (its saved
//! context, stack, wait reason and its own panic/defer state), a [`P`] per `GOMAXPROCS` with gc's
//! `runnext` slot and local run queue, an [`M`] (an OS thread) per P whose own stack is `g0`,
//! where [`schedule`] runs.
//!
//! # Scheduling
//! A program run starts `GOMAXPROCS` Ms (the `GOMAXPROCS` environment variable, else the CPU count; M 0 is
//! the thread that called [`run`]), each owning the P of its index. An M's g0 loops: run due
//! timers, take a goroutine (every 61st tick the global queue first, for fairness; then its P's
//! `runnext`, its local queue, the global queue, then half of another P's local queue: gc's
//! `runqsteal`), switch to it, and when it switches back, put it where its state says (a
//! yielding goroutine on a queue, a dead one freed, a blocked one nowhere: its waker holds it).
//! `go` and wake-ups put the goroutine in the current P's `runnext` (the previous one moves to
//! the local queue, where idle Ms can steal it); `Gosched` and preemption put it on the global
//! queue. An M with nothing to run spins briefly while another M runs a goroutine (gc's spinning
//! M: a wake-up then costs no system call), then parks (gc's `stopm`) until a wake-up (gc's
//! `wakep`) or, for one of them, the next timer. `runtime.GOMAXPROCS(n)` starts Ms up to `n` and retires the Ms
//! above `n` at their next switch.
//!
//! # System calls
//! P `id` is owned by the M `ms[id]` (`M::id == id`). A goroutine blocked in a system call
//! (`syscall.rs`) keeps its M; when there is work for its P and no M is idle, the monitor gives
//! the P to a spare or new M ([`handoff_p`]) and marks the old one `detached`. `detached` is
//! set only under the lock while the goroutine is seen `in_syscall`, and [`exit_syscall`] reads
//! it under the lock after clearing `in_syscall`, so exactly one of the two decides. A detached
//! M's g0 queues the goroutine globally and waits on `spare` until a hand-off reuses it. Signals
//! of the end and of a stop-the-world go to `all_ms`; the exit status is returned by the
//! `driver` M (the thread that called [`run`]), and when the driver is stuck in a system call
//! the M that sees the status ends the process itself.
//!
//! # Locking (see `lock.rs` for the protocol)
//! `Sched::lock` protects the run queues, `allgs`, every M's `curg`/idle state, the counters,
//! and (through the modules that take it) channels, semaphores and timers. A goroutine that
//! switches to g0 holds the lock; g0 releases it after the switch, so a blocked goroutine's
//! context is saved before anyone can find and ready it. g0 releases the lock just before it
//! switches into a goroutine, which therefore always resumes without it. Each M's `g0_sp` is
//! only used by its own thread. The running goroutine of a thread is a thread-local ([`current`]).
//!
//! # Stopping the world
//! [`stop_others`] (for the collector, `stw.rs`) sets `stw` and raises a preemption request on
//! every P that runs a goroutine; every M's g0 that sees `stw` parks instead of running
//! anything, and the stopper waits until it is the only M running a goroutine. Every other
//! goroutine is then switched out, its registers saved on its stack below its saved sp.
//!
//! # Ending
//! `main.main` returning, `os.Exit`, an unrecovered panic or a fatal signal in any goroutine
//! decide the program's exit status: every M is woken or asked to yield, and each g0 that sees
//! the status stops (the other goroutines' deferred calls do not run). M 0 waits for the others,
//! then frees the run. When nothing can run and no timer is pending: gc's deadlock report, exit 2.

use super::lock::Lock;
use super::preempt::{self, MAX_PROCS};
use super::sema;
use super::stack::{self, Stack};
use super::time;
use crate::arch;
use crate::funcdata;
use crate::panic;
use crate::trampoline;
use std::cell::Cell;
use std::collections::VecDeque;
use std::fmt::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// gc's goroutine status, reduced to what this scheduler needs.
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
    /// Stack bounds `(lo, readable_lo, hi)`: main's `readable_lo` is above its guard page; a slot is
    /// readable from its bottom (its guard is read-write, see `stack.rs`).
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
    /// Its index in `Sched::allgs` (so that ending it is O(1)).
    allg_index: usize,
    /// In a system call that may block (`sched/syscall.rs`): `sp` then holds the lowest stack
    /// address with live words, and a stop-the-world does not wait for its M.
    in_syscall: AtomicBool,
}

/// A processor: the run queue of goroutines ready to run (gc's `p`).
struct P {
    runnext: *mut G,
    runq: VecDeque<*mut G>,
    schedtick: u64,
}

impl P {
    fn new() -> P {
        P { runnext: std::ptr::null_mut(), runq: VecDeque::new(), schedtick: 0 }
    }
}

/// An OS thread of the run (gc's `m`); M `id` owns P `id`.
struct M {
    id: usize,
    /// Saved stack pointer of g0 (the thread's own stack, where [`schedule`] runs); only its own
    /// thread uses it.
    g0_sp: usize,
    /// The goroutine it runs, or null on g0 (under the lock).
    curg: *mut G,
    /// Parked waiting for work (under the lock; a waker clears it before unparking).
    idle: bool,
    /// Set by [`wake_m`] when it clears `idle`: ends the M's spin in [`idle_wait`] without a
    /// system call on either side (read without the lock; cleared by its own M under the lock).
    woken: AtomicBool,
    /// The goroutine switching out asked for its P's local queue (gc's `goyield`), not the
    /// global one.
    yield_local: bool,
    thread: std::thread::Thread,
    /// Lost its P while its goroutine was in a system call (gc's `handoffp`, see
    /// [`handoff_p`]): `ms[id]` is another M now, and this one only finishes the call, queues
    /// its goroutine globally and waits on `spare` to be given a P again (under the lock).
    detached: bool,
    /// `cheaprand`'s state (per M: no lock needed).
    rng: Cell<u64>,
}

/// The scheduler of one program run (gc's `schedt` with its Ps and Ms).
struct Sched {
    lock: Lock,
    ps: Vec<P>,
    /// The M that owns each P (`ms[id].id == id`); a system-call hand-off replaces one.
    ms: Vec<*mut M>,
    /// Every M record of the run (owners, detached and spare ones), for the signals of the end
    /// and of a stop-the-world, and to free them.
    all_ms: Vec<*mut M>,
    /// Detached Ms whose goroutine has left its system call: idle, reused by [`handoff_p`].
    spare: Vec<*mut M>,
    /// The M of the thread that called [`run`] and returns the exit status (M 0's record; it
    /// may have lost P 0 in a system call).
    driver: *mut M,
    /// `GOMAXPROCS`: Ps (and Ms) with a lower index run goroutines.
    procs: usize,
    /// Global run queue (`Gosched` puts goroutines here).
    runq: VecDeque<*mut G>,
    allgs: Vec<*mut G>,
    next_goid: u64,
    /// The program's exit status once decided (main returned, os.Exit, crash).
    exit: Option<i32>,
    main_goexited: bool,
    /// Ms running a goroutine.
    running: usize,
    /// A stop-the-world is in progress or holds; `stopper` is the thread to unpark when the
    /// other Ms have stopped.
    stw: bool,
    /// `stw`, readable without the lock by a goroutine returning from a system call.
    stw_flag: AtomicBool,
    stopper: Option<std::thread::Thread>,
    /// The idle M sleeping until the next timer, or null.
    timer_waiter: *mut M,
    /// Ms whose thread has not finished (M 0 included).
    live_ms: usize,
    threads: Vec<std::thread::JoinHandle<()>>,
    /// The run's heap (every M allocates from it) and its collector and finalizer state.
    heap: *mut crate::mem::mheap::Heap,
    gc: &'static crate::gc::RunState,
    /// This run's preemption monitor (gc's sysmon).
    sysmon: preempt::Monitor,
    /// Goroutines blocked on semaphores, by address (gc's `semtable`).
    sema: sema::Table,
    /// The timer heap and the timer goroutine.
    timers: time::Timers,
}

// This thread's run, M and running goroutine.
//
// A goroutine that switches out (parks, yields, is preempted) may resume on another M's thread,
// in the middle of a Rust function of the runtime. LLVM assumes a function runs on one thread
// from start to end and may compute a thread-local's address once and reuse it after a call:
// after a switch, such code would read and write the *previous* thread's slots (its M: a switch
// to that M's g0 stack while another thread runs on it; its lock owner id: `scheduler lock
// re-entered`). So these slots are only reached through the `#[inline(never)]` accessors below,
// each of which computes the address afresh: a call cannot be merged with an earlier one
// across a call that may switch, since the switch may write memory the accessor reads.
thread_local! {
    static SCHED: Cell<*mut Sched> = const { Cell::new(std::ptr::null_mut()) };
    static MCUR: Cell<*mut M> = const { Cell::new(std::ptr::null_mut()) };
    static CURG: Cell<*mut G> = const { Cell::new(std::ptr::null_mut()) };
}

/// This thread's run (null outside a program run); see the slots' comment.
#[inline(never)]
fn sched_ptr() -> *mut Sched {
    SCHED.with(|c| c.get())
}

#[inline(never)]
fn set_sched_ptr(s: *mut Sched) {
    SCHED.with(|c| c.set(s));
}

#[inline(never)]
fn set_m(m: *mut M) {
    MCUR.with(|c| c.set(m));
}

#[inline(never)]
fn set_current(g: *mut G) {
    CURG.with(|c| c.set(g));
}

/// gc numbers goroutines 2-6 for its own system goroutines (forcegc, bgsweep, bgscavenge,
/// finalizers, cleanups) before main runs; the first user goroutine of Go 1.27 is 7.
const FIRST_USER_GOID: u64 = 7;

/// The scheduler of this thread's program run.
///
/// # Safety
/// A program must be running on this thread ([`run`]); the pointer must not be turned into a
/// reference that lives across a context switch or an unlock.
unsafe fn sched() -> *mut Sched {
    let s = sched_ptr();
    if s.is_null() {
        panic::fatal("scheduler used outside a running program");
    }
    s
}

/// This thread's M (null outside a program run); see the slots' comment.
#[inline(never)]
fn m() -> *mut M {
    MCUR.with(|c| c.get())
}

/// Takes the run's scheduler lock (see the module docs for what it protects). Outside a program
/// run (runtime unit tests) there is nothing to lock.
///
/// # Safety
/// This thread does not hold the lock.
pub(crate) unsafe fn lock() {
    let s = sched_ptr();
    if !s.is_null() {
        // SAFETY: a non-null scheduler pointer is this thread's live run.
        unsafe { (*s).lock.lock() }
    }
}

/// Releases the run's scheduler lock.
///
/// # Safety
/// This thread holds it (or runs no program).
pub(crate) unsafe fn unlock() {
    let s = sched_ptr();
    if !s.is_null() {
        // SAFETY: as in `lock`.
        unsafe { (*s).lock.unlock() }
    }
}

/// Whether this thread holds its run's scheduler lock.
pub(crate) fn lock_held() -> bool {
    let s = sched_ptr();
    // SAFETY: a non-null scheduler pointer is the live run of this thread.
    !s.is_null() && unsafe { (*s).lock.held() }
}

/// The running goroutine, or null outside a program run; see the slots' comment.
#[inline(never)]
pub fn current() -> *mut G {
    CURG.with(|c| c.get())
}

/// The panic state of goroutine `g`.
///
/// # Safety
/// `g` is a live G.
pub(crate) unsafe fn panic_state_of(g: *mut G) -> *mut panic::G {
    // SAFETY: guaranteed by the caller.
    unsafe { &raw mut (*g).panic }
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
        allg_index: 0,
        in_syscall: AtomicBool::new(false),
    }))
}

/// Adds `g` to `allgs`.
///
/// # Safety
/// The lock is held; `g` is a fresh G.
unsafe fn add_g(s: *mut Sched, g: *mut G) {
    // SAFETY: forwarded.
    unsafe {
        (*g).allg_index = (*s).allgs.len();
        (*s).allgs.push(g);
    }
}

/// Removes the dead `g` from `allgs` and frees it with its stack.
///
/// # Safety
/// The lock is held; `g` is dead and nothing runs on its stack.
unsafe fn free_g(s: *mut Sched, g: *mut G) {
    // SAFETY: forwarded; allg_index is kept exact by add_g and this swap_remove.
    unsafe {
        let i = (*g).allg_index;
        (*s).allgs.swap_remove(i);
        if let Some(&moved) = (&(*s).allgs).get(i) {
            (*moved).allg_index = i;
        }
        let g = Box::from_raw(g);
        if let Some(st) = g.stack {
            stack::free(st);
        }
    }
}

/// The `GOMAXPROCS` a run starts with: the environment variable when it is a positive number,
/// else the number of CPUs the process may use (gc's `procinit`), at most [`MAX_PROCS`].
fn initial_procs() -> usize {
    match std::env::var("GOMAXPROCS").ok().and_then(|v| v.trim().parse::<usize>().ok()) {
        Some(n) if n > 0 => n.min(MAX_PROCS),
        _ => (gort_numcpu().max(1) as usize).min(MAX_PROCS),
    }
}

fn seed() -> u64 {
    let mut t: libc::timespec = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
    (t.tv_nsec as u64) ^ ((t.tv_sec as u64) << 32) ^ 0x9E37_79B9_7F4A_7C15
}

fn new_m(id: usize, thread: std::thread::Thread) -> *mut M {
    Box::into_raw(Box::new(M {
        id,
        g0_sp: 0,
        curg: std::ptr::null_mut(),
        idle: false,
        woken: AtomicBool::new(false),
        yield_local: false,
        thread,
        detached: false,
        rng: Cell::new((seed() ^ (id as u64).wrapping_mul(0xA24B_AED4_963E_E407)) | 1),
    }))
}

/// Raw pointers handed to a new M's thread.
struct MStart {
    s: *mut Sched,
    m: *mut M,
}
// SAFETY: the records are shared under the scheduler lock (module docs); the thread only uses
// them by that protocol.
unsafe impl Send for MStart {}

/// Grows the run to `n` Ps, starting their Ms (gc's `procresize` growing).
///
/// # Safety
/// The lock is held.
unsafe fn grow_procs(s: *mut Sched, n: usize) {
    // SAFETY: forwarded; the new threads wait for the lock before touching the records.
    unsafe {
        if n > 1 {
            (*(*s).heap).set_shared(true);
        }
        while (*s).ps.len() < n {
            let id = (*s).ps.len();
            (*s).ps.push(P::new());
            // The thread handle is filled in by the thread itself below (under the lock).
            let m = spawn_m(s, id);
            (*s).ms.push(m);
        }
        (&(*s).sysmon).state.nprocs.store((*s).ps.len(), Ordering::Release);
    }
}

/// Creates M record `id` (for P `id`) and starts its thread (gc's `newm`).
///
/// # Safety
/// The lock is held; the new thread waits for it before touching the records.
unsafe fn spawn_m(s: *mut Sched, id: usize) -> *mut M {
    // SAFETY: forwarded.
    unsafe {
        // The thread handle is filled in by the thread itself below (under the lock).
        let m = new_m(id, std::thread::current());
        (*s).all_ms.push(m);
        (*s).live_ms += 1;
        let start = MStart { s, m };
        let n = (*s).all_ms.len();
        let spawned = std::thread::Builder::new().name(format!("gojit-m{n}")).stack_size(8 << 20).spawn(move || {
            let start = start;
            mstart(start.s, start.m)
        });
        match spawned {
            Ok(h) => {
                (*m).thread = h.thread().clone();
                (*s).threads.push(h);
            }
            Err(_) => panic::fatal("runtime: failed to create new OS thread"),
        }
        m
    }
}

/// The body of an M's thread other than M 0 (gc's `mstart`).
fn mstart(s: *mut Sched, m: *mut M) {
    set_sched_ptr(s);
    set_m(m);
    // SAFETY: the run's heap outlives its Ms (M 0 waits for them before the run ends).
    unsafe {
        crate::alloc::adopt_heap((*s).heap);
        crate::gc::adopt_run_state((*s).gc);
    }
    trampoline::ensure_sigaltstack();
    // SAFETY: this thread's run and M.
    unsafe {
        lock();
        // M 0 may still be filling in our thread handle: we hold the lock, so it is done.
        schedule();
        (*s).live_ms -= 1;
        (*(*s).driver).thread.unpark();
        unlock();
    }
    set_sched_ptr(std::ptr::null_mut());
    set_m(std::ptr::null_mut());
    set_current(std::ptr::null_mut());
}

/// Runs `main.main` (code address `main_code`) as goroutine 1 on the stack `(lo, guard_hi, hi)`
/// and schedules every goroutine until the program ends; returns its exit status.
pub fn run(main_code: usize, lo: usize, guard_hi: usize, hi: usize) -> i32 {
    let heap = crate::alloc::heap();
    let s = Box::into_raw(Box::new(Sched {
        lock: Lock::new(),
        ps: vec![P::new()],
        ms: Vec::new(),
        all_ms: Vec::new(),
        spare: Vec::new(),
        driver: std::ptr::null_mut(),
        procs: 1,
        runq: VecDeque::new(),
        allgs: Vec::new(),
        next_goid: FIRST_USER_GOID,
        exit: None,
        main_goexited: false,
        running: 0,
        stw: false,
        stw_flag: AtomicBool::new(false),
        stopper: None,
        timer_waiter: std::ptr::null_mut(),
        live_ms: 1,
        threads: Vec::new(),
        heap,
        gc: crate::gc::run_state(),
        sysmon: preempt::Monitor::start(),
        sema: sema::Table::default(),
        timers: time::Timers::default(),
    }));
    let sched_addr = s as usize;
    // SAFETY: s is the fresh run; only its monitor's state is touched.
    let _ = unsafe { &(*s).sysmon }.state.work_waiting.set(Box::new(move || {
        // SAFETY: the monitor is joined before the run's scheduler is freed.
        unsafe { work_waiting(sched_addr as *mut Sched) }
    }));
    let m0 = new_m(0, std::thread::current());
    set_sched_ptr(s);
    set_m(m0);
    let g1 = new_g(1, None, (lo, guard_hi, hi), 0);
    // SAFETY: g1 is a fresh box; its closure is its own main_code word; hi is 16-aligned. The
    // lock is taken before any other M exists.
    unsafe {
        (*s).ms.push(m0);
        (*s).all_ms.push(m0);
        (*s).driver = m0;
        (*g1).main_code = main_code;
        (*g1).closure = &raw const (*g1).main_code as usize;
        (*g1).sp = arch::new_context(hi & !15, goroutine_main);
        lock();
        add_g(s, g1);
        (&mut (*s).ps)[0].runnext = g1;
        let n = initial_procs();
        grow_procs(s, n);
        (*s).procs = n;
    }
    // SAFETY: this thread's run, lock held.
    let status = unsafe { schedule() };
    // SAFETY: lock held (schedule returns with it); the other Ms stop at their next switch.
    let all_stopped = unsafe { wait_for_ms(s) };
    unsafe { unlock() };
    set_sched_ptr(std::ptr::null_mut());
    set_m(std::ptr::null_mut());
    set_current(std::ptr::null_mut());
    if all_stopped {
        // SAFETY: every M has finished: nothing references the records any more.
        unsafe {
            let mut sc = Box::from_raw(s);
            for t in std::mem::take(&mut sc.threads) {
                let _ = t.join();
            }
            sc.sysmon.stop();
            (*sc.heap).set_shared(false);
            for g in std::mem::take(&mut sc.allgs) {
                // SAFETY: each G was boxed by new_g; its frames are abandoned (they own nothing
                // that needs dropping, see the chan module).
                let g = Box::from_raw(g);
                if let Some(st) = g.stack {
                    stack::free(st);
                }
            }
            for m in std::mem::take(&mut sc.all_ms) {
                drop(Box::from_raw(m));
            }
        }
    }
    // Else an M is stuck outside the scheduler (a system call that does not return): its run's
    // records are leaked, never freed under it.
    crate::gc::finalizer::end_run();
    status
}

/// M 0, after the exit status is decided: waits (up to a second) until every other M's thread
/// has left the scheduler. False if one did not.
///
/// # Safety
/// The lock is held; returns with it held.
unsafe fn wait_for_ms(s: *mut Sched) -> bool {
    let t0 = std::time::Instant::now();
    // SAFETY: forwarded; the lock is released only around the sleep.
    unsafe {
        while (*s).live_ms > 1 {
            signal_all(s);
            if t0.elapsed() > std::time::Duration::from_secs(1) || only_syscalls_left(s) {
                return false;
            }
            unlock();
            std::thread::park_timeout(std::time::Duration::from_millis(1));
            lock();
        }
    }
    true
}

/// Wakes every idle M and asks every M running a goroutine to switch out at its next poll (the
/// program ends, the world stops, or the Ps shrink).
///
/// # Safety
/// The lock is held.
unsafe fn signal_all(s: *mut Sched) {
    // SAFETY: forwarded.
    unsafe {
        let me = m();
        for &om in &(*s).all_ms {
            if om == me {
                continue;
            }
            if (*om).idle {
                wake_m(om);
            } else if !(*om).curg.is_null() && !(*om).detached {
                (&(*s).sysmon).state.raise((*om).id);
            }
        }
    }
}

/// For the preemption monitor (another thread): whether a runnable goroutine waits on a run
/// queue, or a timer is pending and no M sleeps for it. True when the lock is busy (a request
/// is harmless, and the holder may be queueing work).
///
/// # Safety
/// `s` is a live run (the monitor is joined before its run ends); the caller holds no lock.
unsafe fn work_waiting(s: *mut Sched) -> bool {
    // SAFETY: the records are only read under the lock, taken without waiting.
    unsafe {
        if !(*s).lock.try_lock() {
            return true;
        }
        retake_syscall_ps(s);
        let sc = &mut *s;
        let queued = !sc.runq.is_empty() || sc.ps.iter().any(|p| !p.runnext.is_null() || !p.runq.is_empty());
        let idle = sc.ms[..sc.procs.min(sc.ms.len())].iter().any(|&m| (*m).idle);
        let timers = !idle && sc.timers.clean_head().is_some();
        let waiting = queued || timers || sc.stw || sc.exit.is_some();
        sc.lock.unlock();
        waiting
    }
}

/// gc's `retake` of Ps in system calls: the goroutines queued on a P whose M runs a goroutine in a
/// system call move to the global queue, and an idle M is woken for the global queue's work.
///
/// # Safety
/// The lock is held.
unsafe fn retake_syscall_ps(s: *mut Sched) {
    // SAFETY: forwarded; a non-null curg is a live G.
    unsafe {
        let mut stuck = false;
        for id in 0..(*s).procs.min((*s).ms.len()) {
            let om = (&(*s).ms)[id];
            if (*om).curg.is_null() || !(*(*om).curg).in_syscall.load(Ordering::SeqCst) {
                continue;
            }
            stuck = true;
            let p = &mut (&mut (*s).ps)[id];
            let next = std::mem::replace(&mut p.runnext, std::ptr::null_mut());
            let local: Vec<*mut G> = p.runq.drain(..).collect();
            (*s).runq.extend(local);
            if !next.is_null() {
                (*s).runq.push_back(next);
            }
        }
        if !stuck {
            return;
        }
        // Work on the global queue (moved here or queued by a `Gosched` before the call) may have
        // had only the blocked M to run it.
        let idle = (&(*s).ms)[..(*s).procs.min((*s).ms.len())].iter().any(|&om| (*om).idle);
        if idle {
            if !(*s).runq.is_empty() {
                wakep(s);
            }
            return;
        }
        // No idle M: gc's `handoffp` gives a P whose M is in a system call to another M when
        // there is work for it (queued goroutines, a pending timer).
        let work = !(*s).runq.is_empty() || (&mut (*s).timers).clean_head().is_some();
        if !work || (*s).stw || (*s).exit.is_some() {
            return;
        }
        for id in 0..(*s).procs.min((*s).ms.len()) {
            let om = (&(*s).ms)[id];
            if !(*om).curg.is_null() && (*(*om).curg).in_syscall.load(Ordering::SeqCst) {
                handoff_p(s, id);
                return;
            }
        }
    }
}

/// gc's `handoffp` + `startm`: P `id`, whose M runs a goroutine blocked in a system call, gets
/// another M (a spare one, else a new thread). The old M is detached: on its way back from the
/// call [`exit_syscall`] sees it, queues the goroutine on the global queue and the M becomes a
/// spare (gc's `exitsyscall0` + `stopm`).
///
/// # Safety
/// The lock is held; `ms[id]`'s goroutine is in a system call (`in_syscall` seen under the
/// lock: its `exit_syscall` takes the lock before it looks at `detached`).
unsafe fn handoff_p(s: *mut Sched, id: usize) {
    // SAFETY: forwarded.
    unsafe {
        let old = (&(*s).ms)[id];
        (*old).detached = true;
        // Two Ms may now allocate at once (the old one on its way back, the new one).
        (*(*s).heap).set_shared(true);
        let mon = &(&(*s).sysmon).state.ps[id];
        mon.in_syscall.store(false, Ordering::Release);
        mon.running.store(false, Ordering::Release);
        match (*s).spare.pop() {
            Some(nm) => {
                (*nm).detached = false;
                (*nm).id = id;
                (&mut (*s).ms)[id] = nm;
                wake_m(nm);
            }
            None => {
                let nm = spawn_m(s, id);
                (&mut (*s).ms)[id] = nm;
            }
        }
    }
}

/// Wakes one idle M that may run goroutines (gc's `wakep`), if there is one.
///
/// # Safety
/// The lock is held.
unsafe fn wakep(s: *mut Sched) {
    // SAFETY: forwarded.
    unsafe {
        if (*s).stw || (*s).exit.is_some() {
            return;
        }
        for &om in &(&(*s).ms)[..(*s).procs] {
            if (*om).idle {
                wake_m(om);
                return;
            }
        }
    }
}

/// Wakes the idle M `om` (gc's `notewakeup` of a stopped M): clears its idle mark and ends its
/// spin or its park. An M still spinning sees `woken` and never sleeps; the unpark of a thread
/// that is not parked is an atomic store (its next park returns at once, a spurious wake-up
/// [`schedule`] absorbs).
///
/// # Safety
/// The lock is held; `om` is an idle M of the run.
unsafe fn wake_m(om: *mut M) {
    // SAFETY: forwarded; `woken` is atomic, `idle` is only touched under the lock.
    unsafe {
        (*om).idle = false;
        (*om).woken.store(true, Ordering::Release);
        (*om).thread.unpark();
    }
}

/// How long an idle M spins for a wake-up before its thread sleeps, while another M runs a
/// goroutine (gc's spinning M): work readied by a running goroutine (a `go` statement, a channel
/// send, a release) is often handed over within microseconds, and a spinning M takes it without
/// the two system calls and the context switch of a futex sleep and wake-up.
const SPIN_NS: i64 = 50_000;

/// Parks this M's thread until a waker unparks it or `deadline` (monotonic ns) passes; first
/// spins up to [`SPIN_NS`] for a wake-up when another M runs a goroutine (with nothing running
/// anywhere, only a timer or another thread's event can bring work, and spinning would only burn
/// the CPU the other threads of the machine need).
///
/// # Safety
/// The lock is held; returns with it held.
unsafe fn idle_wait(s: *mut Sched, m: *mut M, deadline: Option<i64>) {
    // SAFETY: forwarded; the records are only touched under the lock.
    unsafe {
        (*m).idle = true;
        if deadline.is_some() {
            (*s).timer_waiter = m;
        }
        let spin = (*s).running > 0 && !(*s).stw && (*s).exit.is_none();
        unlock();
        let woken = &(*m).woken;
        let mut done = false;
        if spin {
            let start = time::nanotime();
            let end = deadline.map_or(start + SPIN_NS, |d| d.min(start + SPIN_NS));
            'spin: loop {
                for _ in 0..64 {
                    if woken.load(Ordering::Acquire) {
                        done = true;
                        break 'spin;
                    }
                    std::hint::spin_loop();
                }
                if time::nanotime() >= end {
                    break;
                }
            }
        }
        if !done && !woken.load(Ordering::Acquire) {
            match deadline {
                Some(when) => {
                    let now = time::nanotime();
                    if when > now {
                        std::thread::park_timeout(std::time::Duration::from_nanos((when - now) as u64));
                    }
                }
                None => std::thread::park(),
            }
        }
        lock();
        (*m).idle = false;
        (*m).woken.store(false, Ordering::Relaxed);
        if (*s).timer_waiter == m {
            (*s).timer_waiter = std::ptr::null_mut();
        }
    }
}

/// gc's `schedule` loop on an M's g0: run due timers, run the next runnable goroutine until it
/// switches back, park when there is nothing to run; stop when the program's exit status is
/// decided; report a deadlock when nothing can run anywhere.
///
/// # Safety
/// This thread's run and M; the lock is held (and still held on return).
unsafe fn schedule() -> i32 {
    // SAFETY: forwarded; the records are only touched under the lock, which g0 holds except
    // while parked and while a goroutine runs.
    unsafe {
        let s = sched();
        let m = m();
        loop {
            if let Some(status) = (*s).exit {
                signal_all(s);
                if m != (*s).driver && m0_in_syscall(s) {
                    // M 0 returns the status to the driver, but it is blocked in a system call
                    // that may never return (a read of the terminal): end the process from here,
                    // as gc's exit does from whichever thread main.main returned on.
                    crate::output::flush_stdout();
                    // SAFETY: _exit ends the process without unwinding.
                    libc::_exit(status);
                }
                return status;
            }
            if (*m).detached {
                // A spare M (its goroutine left the system call it lost its P in): wait for
                // `handoff_p` to give it a P, or for the end.
                idle_wait(s, m, None);
                continue;
            }
            let id = (*m).id;
            if (*s).stw {
                if running_outside_syscalls(s) <= 1 {
                    if let Some(t) = &(*s).stopper {
                        t.unpark();
                    }
                }
                idle_wait(s, m, None);
                continue;
            }
            if id >= (*s).procs {
                // A retired P: hand its goroutines to the others, then wait to be needed again.
                let p = &mut (&mut (*s).ps)[id];
                if !p.runnext.is_null() {
                    let g = std::mem::replace(&mut p.runnext, std::ptr::null_mut());
                    (*s).runq.push_back(g);
                }
                while let Some(g) = p.runq.pop_front() {
                    (*s).runq.push_back(g);
                }
                if !(*s).runq.is_empty() {
                    wakep(s);
                }
                idle_wait(s, m, None);
                continue;
            }
            time::run_due();
            if let Some(g) = find_runnable(s, m) {
                execute(s, m, g);
                continue;
            }
            // Nothing runnable anywhere.
            let next = time::next_when();
            if (*s).running == 0 && next.is_none() {
                (*s).exit = Some(deadlock());
                continue;
            }
            let deadline = if (*s).timer_waiter.is_null() { next } else { None };
            idle_wait(s, m, deadline);
        }
    }
}

/// Runs `g` on this M until it switches back, then files it by its state.
///
/// # Safety
/// The lock is held (and held again on return); `g` is runnable and on no queue.
unsafe fn execute(s: *mut Sched, m: *mut M, g: *mut G) {
    // SAFETY: forwarded; the goroutine switches back with the lock held (module docs).
    unsafe {
        let id = (*m).id;
        (*g).status = Status::Running;
        (*g).wait = WaitReason::None;
        // The frame it parked or yielded in is stale once it runs (set again when it next
        // blocks or is preempted).
        (*g).wait_frame = (0, 0);
        (*m).curg = g;
        (*m).yield_local = false;
        (*s).running += 1;
        set_current(g);
        let mon = &(&(*s).sysmon).state.ps[id];
        mon.tick.fetch_add(1, Ordering::AcqRel);
        mon.running.store(true, Ordering::Release);
        let g0_sp = &raw mut (*m).g0_sp;
        let gsp = (*g).sp;
        unlock();
        arch::gort_swap_stack(g0_sp, gsp);
        // Back on g0 with the lock: the goroutine blocked, yielded or ended (a preemption
        // request still pending is void: it has switched out).
        (*s).running -= 1;
        (*m).curg = std::ptr::null_mut();
        set_current(std::ptr::null_mut());
        if (*m).detached {
            // P `id` belongs to another M now (its monitor state and requests are that M's):
            // the goroutine left its system call (`exit_syscall`) and waits on the global queue.
            (*s).runq.push_back(g);
            wakep(s);
            (*s).spare.push(m);
            return;
        }
        let mon = &(&(*s).sysmon).state;
        mon.ps[id].running.store(false, Ordering::Release);
        mon.withdraw(id);
        match (*g).status {
            Status::Dead => free_g(s, g),
            Status::Runnable => {
                if (*m).yield_local {
                    (&mut (*s).ps)[id].runq.push_back(g);
                } else {
                    (*s).runq.push_back(g);
                    wakep(s);
                }
            }
            Status::Waiting | Status::Running => {}
        }
    }
}

/// gc's `findRunnable` for M `m`'s P: every 61st tick the global queue first (fairness), then
/// `runnext`, the local queue, the global queue, then half of another P's local queue.
///
/// # Safety
/// The lock is held.
unsafe fn find_runnable(s: *mut Sched, m: *mut M) -> Option<*mut G> {
    // SAFETY: forwarded; the references end with this function and nothing switches in it.
    let (s, id) = unsafe { (&mut *s, (*m).id) };
    let p = &mut s.ps[id];
    p.schedtick += 1;
    if p.schedtick % 61 == 0 {
        if let Some(g) = s.runq.pop_front() {
            return Some(g);
        }
    }
    if !p.runnext.is_null() {
        return Some(std::mem::replace(&mut p.runnext, std::ptr::null_mut()));
    }
    if let Some(g) = p.runq.pop_front().or_else(|| s.runq.pop_front()) {
        return Some(g);
    }
    // gc's runqsteal: half of a victim's local queue (runnext stays with its P: its owner is
    // about to run it, usually right after the goroutine that readied it blocks).
    let n = s.procs;
    for k in 1..n {
        let victim = (id + k) % n;
        let len = s.ps[victim].runq.len();
        if len == 0 {
            continue;
        }
        let take = len.div_ceil(2);
        let stolen: Vec<*mut G> = s.ps[victim].runq.drain(..take).collect();
        let mut it = stolen.into_iter();
        let first = it.next();
        s.ps[id].runq.extend(it);
        return first;
    }
    // A runnext whose P's M does not run (idle or retired) would wait for nobody.
    for k in 1..s.ps.len() {
        let victim = (id + k) % s.ps.len();
        // SAFETY: ms[victim] is a live M record.
        let busy = victim < n && unsafe { !(*s.ms[victim]).curg.is_null() };
        if !s.ps[victim].runnext.is_null() && !busy {
            return Some(std::mem::replace(&mut s.ps[victim].runnext, std::ptr::null_mut()));
        }
    }
    None
}

/// Makes `g` runnable in the current P's `runnext` slot (gc's `runqput(pp, gp, next=true)`): the
/// previous `runnext` goes to the tail of the local queue, where an idle M may steal it.
///
/// # Safety
/// The lock is held; `g` is a live goroutine that is not on any run queue.
pub unsafe fn ready(g: *mut G) {
    // SAFETY: forwarded.
    unsafe {
        debug_assert!(lock_held(), "ready without the scheduler lock");
        (*g).status = Status::Runnable;
        let s = sched();
        let id = (*m()).id;
        let old = std::mem::replace(&mut (&mut (*s).ps)[id].runnext, g);
        if !old.is_null() {
            (&mut (*s).ps)[id].runq.push_back(old);
            wakep(s);
        }
    }
}

/// This run's semaphore table.
///
/// # Safety
/// The lock is held; the pointer is not used after it is released.
pub(crate) unsafe fn sema_table() -> *mut sema::Table {
    // SAFETY: forwarded.
    unsafe { &raw mut (*sched()).sema }
}

/// This run's timers.
///
/// # Safety
/// As [`sema_table`] (or the world is stopped).
pub(crate) unsafe fn timers() -> *mut time::Timers {
    // SAFETY: forwarded.
    unsafe { &raw mut (*sched()).timers }
}

/// The timer heap gained an earlier timer: the M sleeping until the next timer (or an idle one)
/// must look again.
///
/// # Safety
/// The lock is held.
pub(crate) unsafe fn timers_changed() {
    // SAFETY: forwarded.
    unsafe {
        let s = sched();
        if (*s).stw || (*s).exit.is_some() {
            return;
        }
        let w = (*s).timer_waiter;
        if !w.is_null() {
            // It recomputes its deadline when it wakes.
            wake_m(w);
            return;
        }
        wakep(s);
    }
}

/// Starts a runtime goroutine (the timer goroutine) running `start` on a fresh stack, runnable.
///
/// # Safety
/// The lock is held; `start` begins with [`begin_system_goroutine`] and never returns.
pub(crate) unsafe fn spawn_system(start: extern "C" fn() -> !) -> *mut G {
    let Some(st) = stack::alloc() else { panic::fatal("cannot allocate a goroutine stack") };
    // SAFETY: a program runs on this thread; the fresh stack's top 64 bytes are writable.
    unsafe {
        let g = new_g(0, Some(st), (st.lo, st.lo, st.hi), 0);
        (*g).system = true;
        (*g).sp = arch::new_context(st.hi & !15, start);
        add_g(sched(), g);
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
/// Must run on a goroutine (not g0) of this thread's program, holding the lock (released when it
/// returns).
pub(crate) unsafe fn goyield() {
    let g = current();
    // SAFETY: g is the running goroutine; g0 queues it once it has switched out.
    unsafe {
        (*g).status = Status::Runnable;
        (*m()).yield_local = true;
        switch_to_g0();
    }
}

/// Switches from the running goroutine to g0 (gc's `mcall`), holding the lock, which g0 keeps.
/// Returns (without the lock) when the goroutine is scheduled again (never for a dead one).
///
/// # Safety
/// Must run on a goroutine (not g0) of this thread's program, holding the lock.
unsafe fn switch_to_g0() {
    // SAFETY: forwarded: the current G and M are live; only raw pointers cross the switch.
    unsafe {
        debug_assert!(lock_held(), "switch to g0 without the scheduler lock");
        let g = current();
        let g0_sp = (*m()).g0_sp;
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

/// Forgets the running goroutine's wait frame: an entry that set it ([`set_wait_frame`]) and did
/// not block, or a panic leaving it. Outside the entry that set it the frame may be gone, and the
/// collector scans a parked goroutine precisely from its wait frame (`gc/roots.rs`), so the frame
/// must be current whenever the goroutine is switched out: set by the entry it blocks in, or
/// none.
pub fn clear_wait_frame() {
    set_wait_frame(0, 0);
}

/// The JIT frame `(fp, pc)` a goroutine that is not running blocks in, `(0, 0)` when unknown
/// (see [`clear_wait_frame`]).
///
/// # Safety
/// `g` is a live goroutine of this thread's program, with the world stopped.
pub(crate) unsafe fn wait_frame_of(g: *const G) -> (usize, usize) {
    // SAFETY: guaranteed by the caller; only read.
    unsafe { (*g).wait_frame }
}

/// Blocks the running goroutine with `reason` until [`ready`] is called for it (gc's `gopark`).
/// The caller holds the lock (and has queued the goroutine where its waker will find it); it
/// is released once the goroutine has switched out, and not held when this returns.
///
/// # Safety
/// Must run on a goroutine holding the lock; whoever will wake it must hold a pointer to it (or
/// nobody, to block forever).
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
    let m = m();
    if m.is_null() {
        return crate::fastrand::next_u64();
    }
    // SAFETY: this thread's M; `rng` is only used by this thread.
    let r = unsafe { &(*m).rng };
    // xorshift64*
    let mut x = r.get();
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r.set(x);
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
    // SAFETY: g and the scheduler are live; no reference crosses the final switch. A fatal
    // error raised under the lock may end a goroutine that still holds it.
    unsafe {
        if !lock_held() {
            lock();
        }
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
    let s = sched_ptr();
    if s.is_null() {
        return;
    }
    // SAFETY: this thread's live run; the lock is taken unless this thread holds it.
    unsafe {
        let held = (*s).lock.held();
        if !held {
            (*s).lock.lock();
        }
        (*s).exit.get_or_insert(status);
        signal_all(s);
        if !held {
            (*s).lock.unlock();
        }
    }
}

/// Takes this M's pending preemption request (the slow path of a poll); false when there is
/// none or no program runs on this thread.
pub(crate) fn take_preempt_request() -> bool {
    let s = sched_ptr();
    let m = m();
    if s.is_null() || m.is_null() {
        return false;
    }
    // SAFETY: this thread's live run and M; the request words are atomic.
    unsafe { (&(*s).sysmon).state.withdraw((*m).id) }
}

/// Marks the running goroutine as ended by `runtime.Goexit` (its deferred calls have run).
pub(crate) fn mark_goexited() {
    let g = current();
    if !g.is_null() {
        // SAFETY: g is the live running goroutine.
        unsafe { (*g).goexited = true };
    }
}

/// How many Ms run a goroutine that is not in a system call (the stopper of the world waits
/// for this to be 1: itself).
///
/// # Safety
/// The lock is held.
unsafe fn running_outside_syscalls(s: *mut Sched) -> usize {
    // SAFETY: forwarded; curg is under the lock and a non-null curg is a live G.
    unsafe {
        (&(*s).all_ms).iter().filter(|&&om| !(*om).curg.is_null() && !(*(*om).curg).in_syscall.load(Ordering::SeqCst)).count()
    }
}

/// Whether every M other than this one that has not finished runs a goroutine blocked in a
/// system call (the program's end then does not wait for them: gc exits under such threads).
///
/// # Safety
/// The lock is held.
unsafe fn only_syscalls_left(s: *mut Sched) -> bool {
    // SAFETY: as in `running_outside_syscalls`.
    unsafe {
        let me = m();
        let stuck = (&(*s).all_ms)
            .iter()
            .filter(|&&om| om != me && !(*om).curg.is_null() && (*(*om).curg).in_syscall.load(Ordering::SeqCst))
            .count();
        stuck > 0 && stuck + 1 >= (*s).live_ms
    }
}

/// Whether M 0 (the thread that returns the exit status) runs a goroutine blocked in a system
/// call.
///
/// # Safety
/// The lock is held.
unsafe fn m0_in_syscall(s: *mut Sched) -> bool {
    // SAFETY: as in `running_outside_syscalls`.
    unsafe {
        let m0 = (*s).driver;
        !(*m0).curg.is_null() && (*(*m0).curg).in_syscall.load(Ordering::SeqCst)
    }
}

/// gc's `entersyscall` for `sched/syscall.rs`: the running goroutine is about to make a system
/// call that may block, with every live word of its stack at or above `sp`. From here until
/// [`exit_syscall`] the collector scans it from `sp` and a stop-the-world does not wait for its
/// M, the preemption monitor does not ask it to yield, and if the call lasts, the monitor moves
/// the goroutines queued on its P to the global queue for an idle M (`work_waiting`, gc's
/// `retake`; a short call keeps them, as gc's P stays with a goroutine in a short call). False (nothing to undo)
/// outside a goroutine of a program run.
pub(crate) fn enter_syscall(sp: usize) -> bool {
    let g = current();
    let m = m();
    let s = SCHED.with(|c| c.get());
    // A stopper of the world (this thread) does not wait for itself on the way back.
    if g.is_null() || m.is_null() || s.is_null() || super::stw::world_stopped() {
        return false;
    }
    // SAFETY: g is the running goroutine and s its live run. `sp` is written before the SeqCst
    // store that publishes it to a stopper (which reads it only after seeing `in_syscall`).
    unsafe {
        (*g).sp = sp;
        (*g).in_syscall.store(true, Ordering::SeqCst);
        let id = (*m).id;
        let mon = &(&(*s).sysmon).state.ps[id];
        mon.running.store(false, Ordering::Release);
        mon.in_syscall.store(true, Ordering::Release);
    }
    true
}

/// gc's `exitsyscall`, after [`enter_syscall`] returned true: the goroutine may run Go code
/// again, once a stop-the-world that began during the call has ended (until then it still
/// counts as in the call, so the stopper does not wait for it).
pub(crate) fn exit_syscall() {
    let g = current();
    let m = m();
    let s = SCHED.with(|c| c.get());
    // SAFETY: enter_syscall succeeded on this goroutine, which is still running: g, m and s live.
    unsafe {
        loop {
            // gc's Dekker pattern with `stop_others`: it stores `stw_flag` then reads
            // `in_syscall`; this stores `in_syscall` then reads `stw_flag` (both SeqCst), so one
            // of the two sees the other's store.
            (*g).in_syscall.store(false, Ordering::SeqCst);
            if !(*s).stw_flag.load(Ordering::SeqCst) {
                break;
            }
            (*g).in_syscall.store(true, Ordering::SeqCst);
            while (*s).stw_flag.load(Ordering::SeqCst) {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
        }
        // `handoff_p` detaches this M only under the lock after seeing `in_syscall` (cleared
        // above), so under the lock `detached` is final.
        let held = lock_held();
        if !held {
            lock();
        }
        if (*m).detached && !held {
            // P lost during the call (gc's `exitsyscall0` without an idle P): g0 queues this
            // goroutine globally; it resumes here on whichever M runs it next (no M or run
            // pointer of this thread is used after the switch).
            (*g).status = Status::Runnable;
            (*m).yield_local = false;
            switch_to_g0();
            return;
        }
        let mon = &(&(*s).sysmon).state.ps[(*m).id];
        mon.in_syscall.store(false, Ordering::Release);
        mon.running.store(true, Ordering::Release);
        if !held {
            unlock();
        }
    }
}

/// Stops every other M at a safepoint (the collector's stop-the-world, see the module docs).
/// False when another M is already stopping the world: the caller has then waited for that
/// stop to end, and must not collect.
///
/// # Safety
/// On a goroutine of this thread's program, not holding the lock.
pub(crate) unsafe fn stop_others() -> bool {
    // SAFETY: forwarded; the lock is released around each wait.
    unsafe {
        let s = sched();
        lock();
        if (*s).stw {
            // Another collector runs: stop here like any preempted goroutine.
            let g = current();
            (*g).status = Status::Runnable;
            switch_to_g0();
            return false;
        }
        if (*s).all_ms.len() == 1 {
            // One M: every other goroutine is already switched out.
            (*s).stw = true;
            (*s).stw_flag.store(true, Ordering::SeqCst);
            unlock();
            return true;
        }
        (*s).stw = true;
        (*s).stw_flag.store(true, Ordering::SeqCst);
        (*s).stopper = Some(std::thread::current());
        let me = m();
        while running_outside_syscalls(s) > 1 {
            for &om in &(*s).all_ms {
                if om != me && !(*om).detached && !(*om).curg.is_null() && !(*(*om).curg).in_syscall.load(Ordering::SeqCst) {
                    (&(*s).sysmon).state.raise((*om).id);
                }
            }
            unlock();
            std::thread::park_timeout(std::time::Duration::from_micros(200));
            lock();
        }
        (*s).stopper = None;
        unlock();
        true
    }
}

/// Lets the Ms stopped by [`stop_others`] run again.
///
/// # Safety
/// After a successful [`stop_others`] of this thread, not holding the lock.
pub(crate) unsafe fn start_others() {
    // SAFETY: forwarded.
    unsafe {
        let s = sched();
        lock();
        (*s).stw = false;
        (*s).stw_flag.store(false, Ordering::SeqCst);
        for &om in &(&(*s).ms)[..(*s).procs] {
            if (*om).idle {
                wake_m(om);
            }
        }
        unlock();
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
    // SAFETY: a program runs on this thread; the fresh stack's top 64 bytes are writable; the
    // records are touched under the lock.
    unsafe {
        let g = new_g(0, Some(st), (st.lo, st.lo, st.hi), closure);
        (*g).creator_pc = ret_pc;
        (*g).creator_goid = current_goid();
        (*g).sp = arch::new_context(st.hi & !15, goroutine_main);
        lock();
        let s = sched();
        (*g).goid = (*s).next_goid;
        (*s).next_goid += 1;
        add_g(s, g);
        ready(g);
        unlock();
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
    // SAFETY: g is the running goroutine; g0 queues it once it has switched out.
    unsafe {
        lock();
        (*g).status = Status::Runnable;
        (*m()).yield_local = false;
        switch_to_g0();
    }
}

/// Calls `f(g, stack_lo, stack_hi, saved_sp, running)` for every goroutine that has not ended
/// (the collector's root enumeration, through `stw::for_each_g`, with the world stopped).
pub(crate) fn for_each_g(mut f: impl FnMut(*mut G, usize, usize, usize, bool)) {
    let cur = current();
    let s = sched_ptr();
    if s.is_null() {
        return;
    }
    // SAFETY: the world is stopped: no other M touches the records; f does not switch.
    unsafe {
        for &g in &(*s).allgs {
            if (*g).status != Status::Dead {
                f(g, (*g).bounds.1, (*g).bounds.2, (*g).sp, g == cur);
            }
        }
    }
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
    // SAFETY: a program runs on this thread; the records are read under the lock.
    unsafe {
        lock();
        let n = (*sched()).allgs.iter().filter(|&&g| (*g).status != Status::Dead && !(*g).system).count() as i64;
        unlock();
        n
    }
}

/// `runtime.NumCPU()`: the CPUs this process may use.
#[unsafe(no_mangle)]
pub extern "C" fn gort_numcpu() -> i64 {
    std::thread::available_parallelism().map(|n| n.get() as i64).unwrap_or(1)
}

/// `runtime.GOMAXPROCS(n)`: returns the previous setting; `n > 0` changes it (Ms are started up
/// to `n`, at most [`MAX_PROCS`]; those above `n` retire at their next switch).
#[unsafe(no_mangle)]
pub extern "C" fn gort_gomaxprocs(n: i64) -> i64 {
    // SAFETY: a program runs on this thread; the records are changed under the lock.
    unsafe {
        lock();
        let s = sched();
        let old = (*s).procs;
        if n > 0 {
            let n = (n as usize).min(MAX_PROCS);
            if n > (*s).ps.len() {
                grow_procs(s, n);
            }
            (*s).procs = n;
            if n < old {
                for &om in &(&(*s).ms)[n..] {
                    if !(*om).curg.is_null() {
                        (&(*s).sysmon).state.raise((*om).id);
                    }
                }
            } else {
                for &om in &(&(*s).ms)[old..n] {
                    if (*om).idle {
                        wake_m(om);
                    }
                }
            }
        }
        unlock();
        old as i64
    }
}

crate::jit_entry! {
    /// `select {}`: blocks forever.
    pub fn gort_block() => block_entry;
}

extern "C" fn block_entry(fp: usize, pc: usize) {
    set_wait_frame(fp, pc);
    // SAFETY: on a goroutine; nobody will wake it.
    unsafe {
        lock();
        park(WaitReason::SelectNoCases)
    };
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
        let _ = writeln!(out, "created by {}{by}\n\t{}:{} +{:#x}", t.name(f), t.file_at(f, (pc - f.start).saturating_sub(1) as u32), t.call_line(f, pc), pc - f.start);
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
    // The report may come from a poll of a thread holding no lock, or (a fatal signal) of one
    // holding it: the lock is taken when it is free.
    let s = unsafe { sched() };
    // SAFETY: as above.
    let locked = unsafe { report_lock(s) };
    // SAFETY: as above.
    let gs = unsafe { (*s).allgs.clone() };
    if locked {
        // SAFETY: taken just above.
        unsafe { (*s).lock.unlock() };
    }
    let mut first = true;
    for g in std::iter::once(cur).chain(gs.into_iter().filter(|&g| g != cur)) {
        if g.is_null() {
            continue;
        }
        // SAFETY: g is live; a parked goroutine is made current only while its frames are read
        // (the traceback checks frame pointers against the current goroutine's stack).
        unsafe {
            // system goroutines (the finalizer goroutine) are not listed, as gc's tracebackothers
            // hides them below GOTRACEBACK=system
            if (*g).status == Status::Dead || ((*g).system && g != cur) {
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
            set_current(g);
            if let Some((fp, pc)) = frame {
                crate::unwind::traceback_frames(out, fp, pc, 100, false);
            }
            append_created_by(out, g);
        }
    }
    set_current(cur);
}

/// Takes the lock for a report that lists the goroutines, unless this thread holds it already (a
/// fatal signal or error raised under it) or it stays taken for a while (a report must not hang
/// on a lock held by a thread that will never release it); true if it was taken.
///
/// # Safety
/// `s` is this thread's live run.
unsafe fn report_lock(s: *mut Sched) -> bool {
    // SAFETY: forwarded.
    unsafe {
        if (*s).lock.held() {
            return false;
        }
        for _ in 0..10_000 {
            if (*s).lock.try_lock() {
                return true;
            }
            std::thread::yield_now();
        }
        false
    }
}

/// gc's `tracebackothers` after a crash report (`GOTRACEBACK=all`): every other live user
/// goroutine with its state and the frames it is parked or was preempted in; one running on
/// another M is `goroutine running on other thread; stack unavailable`, as in gc.
pub fn append_other_goroutines(out: &mut String) {
    let cur = current();
    let s = sched_ptr();
    if s.is_null() {
        return;
    }
    // SAFETY: this thread's live run; `allgs` is copied under the lock (see `report_lock`).
    let gs = unsafe {
        let locked = report_lock(s);
        let gs = (*s).allgs.clone();
        if locked {
            (*s).lock.unlock();
        }
        gs
    };
    for g in gs {
        // SAFETY: g is live; a parked goroutine is made current only while its frames are read
        // (the traceback checks frame pointers against the current goroutine's stack).
        unsafe {
            if g == cur || (*g).status == Status::Dead || (*g).system {
                continue;
            }
            let state = match (*g).status {
                Status::Running => "running",
                Status::Runnable => "runnable",
                _ => (*g).wait.as_str(),
            };
            let _ = write!(out, "\ngoroutine {} [{state}]:\n", (*g).goid);
            if (*g).status == Status::Running {
                out.push_str("\tgoroutine running on other thread; stack unavailable\n");
            } else {
                set_current(g);
                if let Some((fp, pc)) = parked_frame(g) {
                    crate::unwind::traceback_frames(out, fp, pc, 100, false);
                }
                set_current(cur);
            }
            append_created_by(out, g);
        }
    }
}

/// gc's `checkdead`: no goroutine can run. Prints the report; the program's status is 2.
///
/// # Safety
/// On g0 with the lock held.
unsafe fn deadlock() -> i32 {
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
            set_current(g);
            if let Some((fp, pc)) = parked_frame(g) {
                crate::unwind::traceback_frames(&mut out, fp, pc, 100, false);
            }
            append_created_by(&mut out, g);
            set_current(std::ptr::null_mut());
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
