//! The collector's roots (gc's `markroot`): where live Go pointers can be outside the heap.
//!
//! - every goroutine's stack from its current (or saved) stack pointer up to its top. The running
//!   goroutine's JIT frames are scanned by their stack maps (`crate::stackmap`, [`scan_running`]):
//!   only the words live at the frame's current call, its explicit slots, its callers' saved
//!   registers and outgoing arguments; its Rust frames (the runtime entry that collects, the
//!   collector's spilled registers, see `gc::collect`) and everything from the first frame
//!   without a map upward are scanned conservatively. Parked goroutines are scanned
//!   conservatively (their callee-saved registers were pushed below the saved sp by
//!   `gort_swap_stack`, and the runtime frames that parked them are not walked).
//!   `GOJIT_CONSERVATIVE_STACKS=1` scans every stack conservatively;
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
use crate::funcdata::{self, FuncKind};
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
        if lo == cur_sp && !conservative_only() {
            // SAFETY: [lo, hi) is the used part of the running goroutine's stack, lo its sp.
            unsafe { scan_running(m, lo, hi) };
        } else {
            // SAFETY: [lo, hi) is the used part of a live goroutine's stack (mapped, readable).
            unsafe { m.range(lo, hi) };
        }
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

/// `GOJIT_STACKDBG=1`: print each precisely scanned frame and its root words on stderr.
fn stack_debug() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOJIT_STACKDBG").is_some_and(|v| v != "0"))
}

fn conservative_only() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("GOJIT_CONSERVATIVE_STACKS").is_some_and(|v| v != "0"))
}

/// Scans the running goroutine's stack `[lo, hi)` (`lo`: the collector's stack pointer) using
/// the stack maps of its JIT frames: from the innermost JIT frame (found by unwinding the
/// runtime's frames, `arch::boundary::nearest_jit_frame`) up the frame-pointer chain while each
/// frame is a Go function stopped at a call its table describes. Words below that frame, and
/// from the first frame without a description up to `hi`, are scanned conservatively. Stack
/// objects of the described frames are scanned when a scanned word points into them (gc's
/// `scanstack` with its `stackScanState`), transitively.
///
/// # Safety
/// The world is stopped, `[lo, hi)` is the used part of this thread's current goroutine stack
/// and `lo` its current stack pointer.
unsafe fn scan_running(m: &mut Marker<'_>, lo: usize, hi: usize) {
    let start = crate::arch::boundary::nearest_jit_frame(|pc| funcdata::lookup(pc).is_some());
    let dbg = stack_debug();
    let mut objects: Vec<(usize, usize)> = Vec::new();
    let mut frames: Vec<(usize, crate::stackmap::FrameScan<'static>)> = Vec::new();
    let mut cur = lo;
    if let Some((mut fp, mut pc)) = start {
        loop {
            if fp < cur || fp % 8 != 0 || fp + 16 > hi {
                break;
            }
            let Some((t, f)) = funcdata::lookup(pc) else { break };
            if f.kind != FuncKind::Go {
                break;
            }
            let Some(fs) = t.stack_frame(f, pc) else { break };
            if fp.checked_sub(f.frame_size as usize).is_none_or(|sp| sp < cur) {
                break;
            }
            if dbg {
                eprintln!("  frame {} fp={fp:#x} {fs:?}", t.name(f));
            }
            let at = |off: i32| fp.wrapping_add_signed(off as isize);
            objects.extend(fs.objects.iter().map(|&(a, b)| (at(a), at(b))));
            frames.push((fp, fs));
            m.precise_frames += 1;
            cur = fp + 16;
            // SAFETY: [fp, fp + 16) is inside the stack (checked above).
            (fp, pc) = unsafe { crate::arch::caller_of(fp) };
        }
    }
    // The objects first, so that every word scanned below can refer to them.
    m.set_stack_objects(lo, hi, objects);
    let mut below = lo;
    for (fp, fs) in frames {
        let at = |off: i32| fp.wrapping_add_signed(off as isize);
        let mut ranges: Vec<(usize, usize, &str)> = fs.explicit.iter().map(|&(a, b)| (at(a), at(b), "explicit")).collect();
        ranges.push((below, at(fs.fixed_lo), "below"));
        ranges.push((at(fs.fixed_hi), fp, "clobbers"));
        for (a, b, what) in ranges {
            if dbg {
                dbg_range(a, b, what);
            }
            // SAFETY: every range lies in [below, fp + 16) ⊆ [lo, hi): the frame's own words
            // (the walk checked that its bottom is at or above `below` and its top below `hi`)
            // and, for "below", the runtime frames between it and its callee.
            unsafe { m.range(a, b) };
        }
        for &o in fs.slots {
            if dbg {
                dbg_range(at(o), at(o) + 8, "map");
            }
            // SAFETY: a map slot of the frame, inside it (checked when the table was built).
            m.word(unsafe { *(at(o) as *const usize) });
        }
        below = fp + 16;
    }
    if dbg {
        dbg_range(below, hi, "rest");
    }
    // SAFETY: [below, hi) is part of [lo, hi).
    unsafe { m.range(below, hi) };
}

fn dbg_range(lo: usize, hi: usize, what: &str) {
    let mut p = (lo + 7) & !7;
    while p + 8 <= hi {
        // SAFETY: debugging aid over a range the caller is about to scan.
        let w = unsafe { *(p as *const usize) };
        if w > 0x10000 {
            eprintln!("    {what} [{p:#x}] = {w:#x}");
        }
        p += 8;
    }
}
