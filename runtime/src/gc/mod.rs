//! The garbage collector (gc's `runtime/mgc.go`): stop-the-world mark-sweep over this thread's
//! span heap (`mem::mheap`). Objects never move.
//!
//! # When
//! Collections happen only at *safepoints* ([`safepoint`]): the start of runtime entry points
//! that generated code calls to allocate (`gort_new`, `gort_alloc`, `makeslice`, `growslice`,
//! string conversions, `convT`, map assignment, `fmt`'s printers, ...). There every live Go
//! pointer of the running goroutine is in its stack or in a callee-saved register, and the runtime
//! holds no fresh Go pointer in Rust memory. A safepoint collects when the bytes allocated reach
//! the trigger, paced as gc's `GOGC` (default 100): the next goal is `live * (1 + GOGC/100)`, at
//! least 4 MB; `GOGC=off` disables collection (except `runtime.GC()`). `GOMEMLIMIT` (gc's soft
//! memory limit, `1GiB`-style sizes) caps the goal at 95% of the limit, but never below a little
//! over the live heap (gc's CPU limiter plays that part: a live heap above the limit does not
//! make every allocation collect).
//!
//! # How
//! Stop the world (`sched::stw`; with one M the other goroutines are already parked), spill the
//! callee-saved registers into this frame, mark from the roots (`roots`) through the heap
//! (`mark`), sweep the whole heap (unmarked objects freed, empty spans returned to the page heap),
//! return free pages above the goal's headroom to the OS, restart the world.
//!
//! # Debugging
//! `GODEBUG=gctrace=1` prints gc's line per collection on stderr (`gc N @Ts P%: ... MB goal ...`).
//! `GOJIT_GCSTRESS=1` collects at every safepoint (`=N`: every Nth) and fills freed objects with
//! `0xdb`, so a missed root shows as a corrupted value instead of staying hidden; after each
//! of its collections `verify` checks that no precisely scanned live object points to freed memory.

pub mod debug;
pub mod finalizer;
mod mark;
pub mod roots;
mod verify;

use crate::alloc;
use crate::mem::mheap::Heap;
use std::cell::Cell;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

/// gc's `heapMinimum`: the smallest heap goal (4 MB at GOGC=100).
const HEAP_MINIMUM: usize = 4 << 20;

/// Settings read from the environment once per process.
struct Config {
    /// `GOGC` percent; negative: off.
    gogc: i64,
    /// Collect at every `stress`th safepoint (0: stress mode off).
    stress: u64,
    trace: bool,
    /// `GOMEMLIMIT` in bytes.
    memlimit: Option<usize>,
}

/// gc's `GOMEMLIMIT` syntax: a byte count with an optional `B`, `KiB`, `MiB`, `GiB` or `TiB`
/// suffix; `off` or anything unparsable is no limit.
fn parse_memlimit(v: &str) -> Option<usize> {
    let v = v.trim();
    let (num, mul) = [("TiB", 1usize << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)]
        .iter()
        .find_map(|&(suf, m)| v.strip_suffix(suf).map(|n| (n, m)))
        .unwrap_or((v, 1));
    num.parse::<usize>().ok().and_then(|n| n.checked_mul(mul))
}

fn config() -> &'static Config {
    static C: OnceLock<Config> = OnceLock::new();
    C.get_or_init(|| {
        let gogc = match std::env::var("GOGC") {
            Ok(v) if v == "off" => -1,
            Ok(v) => v.parse::<i64>().unwrap_or(100),
            Err(_) => 100,
        };
        let stress = std::env::var("GOJIT_GCSTRESS").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
        let trace = std::env::var("GODEBUG")
            .map(|v| v.split(',').any(|kv| kv.strip_prefix("gctrace=").is_some_and(|n| n.parse::<u32>().is_ok_and(|n| n > 0))))
            .unwrap_or(false);
        let memlimit = std::env::var("GOMEMLIMIT").ok().and_then(|v| parse_memlimit(&v));
        Config { gogc, stress, trace, memlimit }
    })
}

/// A heap's collector state (gc's `memstats` and `gcController`, reduced).
struct State {
    start: Instant,
    numgc: u32,
    pause_total_ns: u64,
    /// Safepoints passed in stress mode.
    polls: u64,
    gogc: i64,
    goal: usize,
    /// gc's `PauseNs` circular buffer (indexed by `(numgc + 255) % 256`).
    pauses: [u64; 256],
    /// gc's `PauseEnd`: the Unix time (ns) each of those pauses ended.
    pause_ends: [u64; 256],
    /// The live heap the last collection left (gc's `heapMarked`).
    live: usize,
    /// The memory limit in bytes (`GOMEMLIMIT`, `debug.SetMemoryLimit`; none: no limit).
    memlimit: Option<usize>,
    num_forced: u32,
    /// Unix time of the last collection's end, in ns (`LastGC`).
    last_gc_unix_ns: u64,
}

impl State {
    fn new() -> State {
        State {
            start: Instant::now(),
            numgc: 0,
            pause_total_ns: 0,
            polls: 0,
            gogc: config().gogc,
            goal: HEAP_MINIMUM,
            pauses: [0; 256],
            pause_ends: [0; 256],
            live: 0,
            memlimit: config().memlimit,
            num_forced: 0,
            last_gc_unix_ns: 0,
        }
    }
}

/// The collector and finalizer state of one heap, shared by every M of the program run that
/// allocates from it (gc has one per process: `memstats`, `gcController`, `finq`). A thread
/// creates its own on first use, as it does its heap; a run's extra Ms adopt M 0's
/// ([`adopt_run_state`]) when they adopt its heap.
pub(crate) struct RunState {
    gc: Mutex<State>,
    pub(super) fin: Mutex<finalizer::State>,
}

thread_local! {
    static RUN_STATE: Cell<*const RunState> = const { Cell::new(std::ptr::null()) };
}

/// This thread's collector state (created on first use, never freed: like the heap, a run's
/// Ms may use it until the run ends).
pub(crate) fn run_state() -> &'static RunState {
    let p = RUN_STATE.with(|c| c.get());
    if !p.is_null() {
        // SAFETY: a non-null pointer is a leaked box (below) or an adopted one that outlives
        // this thread's use of it (`adopt_run_state`'s contract).
        return unsafe { &*p };
    }
    let p: &'static RunState =
        Box::leak(Box::new(RunState { gc: Mutex::new(State::new()), fin: Mutex::new(finalizer::State::default()) }));
    RUN_STATE.with(|c| c.set(p));
    p
}

/// Makes `rs` this thread's collector state: a program run's extra M shares its run's.
///
/// # Safety
/// `rs` outlives this thread's use of it (run states are never freed).
pub(crate) unsafe fn adopt_run_state(rs: &'static RunState) {
    RUN_STATE.with(|c| c.set(rs));
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    // `f` does not re-enter and never switches goroutines or reaches a safepoint, so a stopped
    // world never waits for a holder of this lock.
    let mut s = run_state().gc.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut s)
}

/// The goal for a live heap of `live` bytes at `gogc` (gc's `heapGoal`), capped by the memory
/// limit.
fn goal_for(live: usize, gogc: i64, memlimit: Option<usize>) -> usize {
    limit_goal(gogc_goal(live, gogc), live, memlimit)
}

fn gogc_goal(live: usize, gogc: i64) -> usize {
    if gogc < 0 {
        return usize::MAX;
    }
    live.saturating_add(live / 100 * gogc as usize).max(HEAP_MINIMUM.saturating_mul(gogc as usize) / 100).max(HEAP_MINIMUM / 4)
}

/// `goal` under the memory limit `limit`: at most 95% of it, at least the live heap plus 1/16
/// and 256 KiB.
fn limit_goal(goal: usize, live: usize, limit: Option<usize>) -> usize {
    match limit {
        Some(l) => goal.min((l / 100 * 95).max(live + live / 16 + (256 << 10))),
        None => goal,
    }
}

/// Sets up a new heap's trigger and stress mode (called by `alloc` when it creates the heap).
pub(crate) fn init_heap(h: &mut Heap) {
    let c = config();
    // The trace's clock starts with the heap (gc's `runtimeInitTime`).
    with_state(|s| s.start = Instant::now());
    h.set_poison(c.stress > 0);
    h.trigger = if c.stress > 0 { 0 } else { goal_for(0, c.gogc, c.memlimit) };
}

/// A point where the running goroutine may be stopped for a collection (see the module docs).
#[inline]
pub fn safepoint() {
    let h = alloc::heap();
    // SAFETY: this thread's heap; two fields are read.
    if unsafe { (*h).stats.alloc_bytes >= (*h).trigger } {
        safepoint_slow();
    }
}

#[cold]
#[inline(never)]
fn safepoint_slow() {
    let stress = config().stress;
    if stress > 0 {
        let n = with_state(|s| {
            s.polls += 1;
            s.polls
        });
        if n % stress != 0 {
            return;
        }
    }
    scrub_stack();
    collect(false);
}

/// Zeroes the dead stack below the caller before a collection: the collector's own frames are
/// scanned with the goroutine's stack, and without this their unwritten slots would still hold
/// words of frames that returned earlier (a finalized object's pointer left by `SetFinalizer`,
/// say), keeping those objects alive.
#[inline(never)]
fn scrub_stack() {
    const SCRUB: usize = 8 << 10;
    let probe = 0u8;
    let sp = &probe as *const u8 as usize;
    if !crate::panic::on_goroutine_stack(sp.saturating_sub(SCRUB + 4096) & !15) {
        return;
    }
    let buf = [0usize; SCRUB / 8];
    std::hint::black_box(&buf);
}


/// Collects now, if a program runs on this thread and its running goroutine is on its own
/// stack; `forced`: `runtime.GC()`. Returns whether a collection happened.
///
/// The running goroutine's stack is scanned from this frame up (its spilled registers included);
/// the collector's own state lives in [`collect_from`]'s frame below it, so that words such as
/// the marker's heap bounds (the first object's address) are not taken for roots.
#[inline(never)]
fn collect(forced: bool) -> bool {
    if crate::sched::proc::current().is_null() {
        return false;
    }
    let mut regs = [0usize; 6];
    let sp = crate::arch::spill_callee_saved(&mut regs);
    let regs = std::hint::black_box(&mut regs);
    collect_from(sp, regs, forced)
}

#[inline(never)]
fn collect_from(sp: usize, regs: &[usize; 6], forced: bool) -> bool {
    let t0 = Instant::now();
    if !crate::sched::stop_the_world() {
        // Another M collected meanwhile (this goroutine was stopped for it).
        return false;
    }
    let h = alloc::heap();
    // SAFETY: this thread's heap; nothing else uses it while the world is stopped (the marker
    // holds the only reference until it is dropped).
    let heap = unsafe { &mut *h };
    let heap0 = heap.stats.alloc_bytes;
    let mut m = mark::Marker::new(heap);
    // SAFETY: the world is stopped and sp is our current stack pointer.
    let ok = unsafe { roots::mark_roots(&mut m, sp) };
    if !ok {
        drop(m);
        // Not on a goroutine stack: unmark (sweeping now would free live objects).
        // SAFETY: as above.
        let heap = unsafe { &mut *h };
        heap.clear_marks();
        crate::sched::start_the_world();
        return false;
    }
    // regs live in the caller's frame, above sp: they were scanned with the stack; read them
    // again so that the spill is not optimised away before the scan.
    for &r in regs.iter() {
        m.word(r);
    }
    finalizer::mark_roots(&mut m);
    m.drain();
    finalizer::queue_unreachable(&mut m);
    let (stack_bytes, global_bytes) = (m.stack_bytes, m.global_bytes);
    drop(m);
    let t1 = Instant::now();
    // SAFETY: as above.
    let heap = unsafe { &mut *h };
    let live = heap.sweep();
    if config().stress > 0 {
        verify::verify(heap);
    }
    let (gogc, memlimit) = with_state(|s| (s.gogc, s.memlimit));
    let goal = goal_for(live, gogc, memlimit);
    heap.trigger = if config().stress > 0 { 0 } else { goal };
    // Keep free pages for growing back to the goal (plus gc's 10% headroom); release the rest.
    let keep = (goal.min(1 << 40) + goal.min(1 << 40) / 10).saturating_sub(heap.stats.inuse_bytes);
    heap.scavenge(keep);
    let t2 = Instant::now();
    crate::sched::start_the_world();
    // Dead goroutines' cached stacks go back to the kernel too (gc frees unused stack spans at
    // the end of a cycle); after the restart, so that the other Ms do not wait for the madvise.
    crate::sched::stack::release_cached();
    let pause = (t2 - t0).as_nanos() as u64;
    let (numgc, since, total) = with_state(|s| {
        s.numgc += 1;
        s.pause_total_ns += pause;
        s.goal = goal;
        s.pauses[(s.numgc as usize + 255) % 256] = pause;
        s.num_forced += forced as u32;
        s.live = live;
        s.last_gc_unix_ns =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
        s.pause_ends[(s.numgc as usize + 255) % 256] = s.last_gc_unix_ns;
        (s.numgc, s.start.elapsed(), s.pause_total_ns)
    });
    if config().trace {
        let ms = |d: std::time::Duration| fmt_ns_as_ms(d.as_nanos() as u64);
        let util = if since.as_nanos() > 0 { (total as u128 * 100 / since.as_nanos()) as u64 } else { 0 };
        let line = format!(
            "gc {numgc} @{}.{:03}s {util}%: 0+{}+{} ms clock, 0+0/{}/0+{} ms cpu, {}->{}->{} MB, {} MB goal, {} MB stacks, {} MB globals, {} P{}\n",
            since.as_secs(),
            since.subsec_millis(),
            ms(t1 - t0),
            ms(t2 - t1),
            ms(t1 - t0),
            ms(t2 - t1),
            heap0 >> 20,
            heap0 >> 20,
            live >> 20,
            if goal == usize::MAX { 0 } else { goal >> 20 },
            stack_bytes >> 20,
            global_bytes >> 20,
            crate::sched::proc::gort_gomaxprocs(0),
            if forced { " (forced)" } else { "" }
        );
        crate::output::write_stderr(line.as_bytes());
    }
    true
}

/// gc's `fmtNSAsMS`: whole milliseconds from 10 ms up, else two significant digits (at most
/// three decimals).
fn fmt_ns_as_ms(ns: u64) -> String {
    if ns >= 10_000_000 {
        return (ns / 1_000_000).to_string();
    }
    let mut x = ns / 1000;
    if x == 0 {
        return "0".into();
    }
    let mut dec = 3;
    while x >= 100 {
        x /= 10;
        dec -= 1;
    }
    let s = format!("{x:0>width$}", width = dec + 1);
    if dec == 0 { s } else { format!("{}.{}", &s[..s.len() - dec], &s[s.len() - dec..]) }
}

/// Collector statistics for `runtime.ReadMemStats`-like reports and tests.
#[derive(Clone, Copy, Debug)]
pub struct GcStats {
    pub numgc: u32,
    pub pause_total_ns: u64,
    pub heap_alloc: usize,
    pub heap_inuse: usize,
    pub heap_sys: usize,
    pub heap_released: usize,
    pub next_gc: usize,
    pub mallocs: u64,
    pub frees: u64,
    pub total_alloc: u64,
}

/// This thread's collector statistics.
pub fn stats() -> GcStats {
    // SAFETY: this thread's heap; counters are read.
    let s = unsafe { (*alloc::heap()).stats };
    let (numgc, pause_total_ns, next_gc) = with_state(|st| (st.numgc, st.pause_total_ns, st.goal));
    GcStats {
        numgc,
        pause_total_ns,
        heap_alloc: s.alloc_bytes,
        heap_inuse: s.inuse_bytes,
        heap_sys: s.sys_bytes,
        heap_released: s.released_bytes,
        next_gc,
        mallocs: s.mallocs,
        frees: s.frees,
        total_alloc: s.total_alloc,
    }
}

/// `runtime.GC()`: a full collection now (gc's blocks until marking and sweeping are done; ours
/// are done when it returns). Like gc's, the caller then lets other goroutines run (gc's caller
/// waits for its background workers), so a goroutine looping on `runtime.GC()` does not starve
/// the others until preemption.
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_gc() {
    scrub_stack();
    collect(true);
    if finalizer::take_readied() {
        // The finalizer goroutine is in this P's runnext: yield locally (no other M is woken to
        // take this goroutine meanwhile), so it runs before the caller continues, as gc's
        // finalizer goroutine does within the time gc's GC() takes.
        // SAFETY: on a goroutine (collect needs one), holding no lock; goyield releases it.
        unsafe {
            crate::sched::proc::lock();
            crate::sched::proc::goyield();
        }
    } else {
        crate::sched::proc::gort_gosched();
    }
}

/// `runtime.ReadMemStats(m)`: fills gc's `MemStats` at `m` (gc's field offsets; the compiler
/// declares the struct with gc's fields in gc's order). A nil `m` is a nil dereference, as in gc.
/// Meanings as gc's: `Alloc`/`HeapAlloc` bytes of allocated objects, `HeapObjects` their number,
/// `Sys`/`HeapSys` bytes of heap pages obtained, `HeapIdle` free ones, `HeapReleased` those
/// returned to the OS, `NextGC` the goal, `PauseNs` the circular buffer of recent pauses.
///
/// # Safety
/// `m` must be null or point to writable memory of a `runtime.MemStats`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_readmemstats(m: *mut u64) {
    if m.is_null() {
        crate::rterror::runtime_error("runtime error: invalid memory address or nil pointer dereference");
    }
    let st = stats();
    let (pauses, pause_ends, num_forced, last_gc_ns) =
        with_state(|s| (s.pauses, s.pause_ends, s.num_forced, s.last_gc_unix_ns));
    let objects = st.mallocs.saturating_sub(st.frees);
    let idle = (st.heap_sys - st.heap_inuse) as u64;
    let words: [u64; 24] = [
        st.heap_alloc as u64,
        st.total_alloc,
        st.heap_sys as u64,
        0,
        st.mallocs,
        st.frees,
        st.heap_alloc as u64,
        st.heap_sys as u64,
        idle,
        st.heap_inuse as u64,
        st.heap_released as u64,
        objects,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        if st.next_gc == usize::MAX { u64::MAX } else { st.next_gc as u64 },
        last_gc_ns,
        st.pause_total_ns,
    ];
    // SAFETY: m points to a MemStats (caller's contract): 5776 bytes with these offsets.
    unsafe {
        std::ptr::copy_nonoverlapping(words.as_ptr(), m, words.len());
        let pause_ns = m.add(24);
        for (i, &p) in pauses.iter().enumerate() {
            *pause_ns.add(i) = p;
        }
        let pause_end = m.add(24 + 256);
        for (i, &p) in pause_ends.iter().enumerate() {
            *pause_end.add(i) = p;
        }
        let p32 = m.add(24 + 512) as *mut u32;
        *p32 = st.numgc;
        *p32.add(1) = num_forced;
        let frac = m.add(24 + 512 + 1) as *mut f64;
        let since = with_state(|s| s.start.elapsed().as_nanos() as f64);
        *frac = if since > 0.0 { st.pause_total_ns as f64 / since } else { 0.0 };
        let flags = m.add(24 + 512 + 2) as *mut u8;
        *flags = 1;
        *flags.add(1) = 0;
    }
}

/// `runtime.KeepAlive(x)`: `x` (an interface's two words) is live until here. The call itself is
/// the whole effect: the caller must keep the value in its frame or registers up to it.
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "C" fn gort_keepalive(typ: usize, data: usize) {
    std::hint::black_box((typ, data));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms_format_is_gcs() {
        assert_eq!(fmt_ns_as_ms(0), "0");
        assert_eq!(fmt_ns_as_ms(999), "0");
        assert_eq!(fmt_ns_as_ms(1_000), "0.001");
        assert_eq!(fmt_ns_as_ms(12_345), "0.012");
        assert_eq!(fmt_ns_as_ms(123_456), "0.12");
        assert_eq!(fmt_ns_as_ms(1_234_567), "1.2");
        assert_eq!(fmt_ns_as_ms(9_999_999), "9.9");
        assert_eq!(fmt_ns_as_ms(12_345_678), "12");
    }

    #[test]
    fn goals_follow_gogc() {
        assert_eq!(gogc_goal(0, 100), 4 << 20);
        assert_eq!(gogc_goal(100 << 20, 100), 200 << 20);
        assert_eq!(gogc_goal(100 << 20, 50), 150 << 20);
        assert_eq!(gogc_goal(1 << 20, -1), usize::MAX);
        // GOMEMLIMIT caps the goal, GOGC=off included, but not below the live heap.
        assert_eq!(limit_goal(usize::MAX, 10 << 20, Some(100 << 20)), 95 << 20);
        assert_eq!(limit_goal(8 << 20, 1 << 20, Some(100 << 20)), 8 << 20);
        assert_eq!(limit_goal(usize::MAX, 200 << 20, Some(100 << 20)), (200 << 20) + (200 << 16) + (256 << 10));
        assert_eq!(parse_memlimit("64MiB"), Some(64 << 20));
        assert_eq!(parse_memlimit("1GiB"), Some(1 << 30));
        assert_eq!(parse_memlimit("123"), Some(123));
        assert_eq!(parse_memlimit("5000B"), Some(5000));
        assert_eq!(parse_memlimit("off"), None);
    }
}
