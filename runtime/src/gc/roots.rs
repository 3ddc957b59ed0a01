//! The collector's roots (gc's `markroot`): where live Go pointers can be outside the heap.
//!
//! - every goroutine's stack from its current (or saved) stack pointer up to its top. JIT frames
//!   are scanned by their stack maps (`crate::stackmap`, [`walk_frames`], [`scan_walked`]): only
//!   the words live at the frame's current call, its explicit slots, its callers' saved
//!   registers and outgoing arguments. The innermost JIT frame is found by unwinding the
//!   runtime's frames for the running goroutine (`arch::boundary::nearest_jit_frame`) and, for a
//!   parked one, from the frame its blocking entry recorded ([`parked_frame`]). Rust frames (the
//!   runtime entry that collects or blocks, the collector's spilled registers, the registers a
//!   switch or a poll pushed) and everything from the first frame without a map upward are
//!   scanned conservatively, as are goroutines switched out with no recorded frame.
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
/// Stacks are walked first (every goroutine's described JIT frames and their stack objects),
/// then scanned, so that any scanned word (a root, a heap object's) that points into a stack
/// object of any goroutine makes the marker scan it.
///
/// # Safety
/// The world must be stopped and `cur_sp` must be this thread's current stack pointer.
pub(super) unsafe fn mark_roots(m: &mut Marker<'_>, cur_sp: usize) -> bool {
    let mut ok = true;
    let mut stacks: Vec<(usize, usize, *mut proc::G, bool)> = Vec::new();
    stw::for_each_g(|g| {
        let start = g.saved_sp.unwrap_or(cur_sp);
        if start < g.lo || start > g.hi {
            ok = false;
        }
        stacks.push((start, g.hi, g.g, g.saved_sp.is_none()));
    });
    if !ok {
        return false;
    }
    let conservative = conservative_only();
    let mut walks: Vec<StackWalk> = Vec::with_capacity(stacks.len());
    let mut objects: Vec<(usize, usize)> = Vec::new();
    let (mut obj_lo, mut obj_hi) = (usize::MAX, 0usize);
    for &(lo, hi, g, running) in &stacks {
        m.stack_bytes += hi - lo;
        let start = if conservative {
            None
        } else if running {
            crate::arch::boundary::nearest_jit_frame(|pc| funcdata::lookup(pc).is_some())
        } else {
            // SAFETY: g is a live goroutine that is not running; the world is stopped.
            unsafe { parked_frame(g, lo, hi) }
        };
        // SAFETY: [lo, hi) is the used part of a live goroutine's stack, lo its (saved) sp;
        // `start` is that goroutine's innermost JIT frame.
        let w = unsafe { walk_frames(g, lo, hi, start) };
        if stack_debug() {
            eprintln!("stack of g {g:p} [{lo:#x}, {hi:#x}) {}: {} precise frames", if running { "running" } else { "parked" }, w.frames.len());
        }
        m.precise_frames += w.frames.len();
        let n = objects.len();
        for (fp, fs) in &w.frames {
            let at = |off: i32| fp.wrapping_add_signed(off as isize);
            objects.extend(fs.objects.iter().map(|&(a, b)| (at(a), at(b))));
        }
        if objects.len() > n {
            obj_lo = obj_lo.min(lo);
            obj_hi = obj_hi.max(hi);
        }
        walks.push(w);
    }
    // The objects first, so that every word scanned below can refer to them.
    if !objects.is_empty() {
        m.set_stack_objects(obj_lo, obj_hi, objects);
    }
    for (w, &(_, _, g, _)) in walks.iter().zip(&stacks) {
        // SAFETY: as for walk_frames above; the stacks have not changed since.
        unsafe { scan_walked(m, w) };
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

/// The innermost JIT frame `(fp, pc)` of a goroutine that is not running, from the wait frame
/// its blocking entry recorded (`proc::set_wait_frame`; a poll's frame is the `preserve_all`
/// shim's, whose caller is the JIT frame), checked against the stack: the frame lies between
/// the saved sp and the top, and the word below its fixed frame is the return address `pc` (the
/// call that blocks pushed it there). `None` (scan conservatively) otherwise: a goroutine parked
/// by runtime code with no Go caller, or switched out by a path that records no frame.
///
/// # Safety
/// `g` is a live goroutine that is not running, `[lo, hi)` the used part of its stack (`lo` its
/// saved sp); the world is stopped.
unsafe fn parked_frame(g: *mut proc::G, lo: usize, hi: usize) -> Option<(usize, usize)> {
    // SAFETY: forwarded.
    let (mut fp, mut pc) = unsafe { proc::wait_frame_of(g) };
    let in_stack = |fp: usize| fp > lo && fp % 8 == 0 && fp + 16 <= hi;
    if pc == 0 || !in_stack(fp) {
        return None;
    }
    if stack_debug() {
        eprintln!("  wait frame of g {g:p}: fp={fp:#x} pc={pc:#x}");
    }
    if funcdata::lookup(pc).is_none() {
        // Only a poll's frame is followed to its caller: the `preserve_all` shim's, which keeps
        // the frame-pointer chain, so its caller is the JIT frame at the poll. Any other non-JIT
        // pc is a runtime frame that recorded its own frame: scan conservatively.
        let shim = crate::sched::preempt::gort_preempt_all as *const () as usize;
        if pc.wrapping_sub(shim) >= 512 {
            return None;
        }
        // SAFETY: fp is inside the stack (checked): the poll shim's frame.
        (fp, pc) = unsafe { crate::arch::caller_of(fp) };
        if !in_stack(fp) {
            return None;
        }
    }
    // SAFETY: fp is inside the stack (checked), whose used part starts at lo.
    unsafe { stopped_at_call(fp, pc, lo) }.then_some((fp, pc))
}

/// The JIT frames of one stack described at their current call, from its innermost JIT frame
/// up (see [`walk_frames`]).
struct StackWalk {
    lo: usize,
    hi: usize,
    frames: Vec<(usize, crate::stackmap::FrameScan<'static>)>,
}

/// Walks a stack `[lo, hi)` from its innermost JIT frame `start` up the frame-pointer chain
/// while each frame is a Go function stopped at a call its table describes (none when `start`
/// is `None`: the whole stack is then scanned conservatively). A defer trampoline frame of a
/// panic's deferred call is followed to the frame whose defers that panic runs
/// ([`crate::panic::deferred_call_owner`]), stopped at the call that raised the panic or whose
/// callee did: that frame is scanned by the map of that call (issue32477.go: a pointer dead at
/// the faulting call is not a root while its frame's deferred calls run).
///
/// # Safety
/// The world is stopped, `g` is the live goroutine whose stack is `[lo, hi)` (the used part:
/// `lo` its current or saved sp) and `start`, when given, a live JIT frame of it.
unsafe fn walk_frames(g: *mut proc::G, lo: usize, hi: usize, start: Option<(usize, usize)>) -> StackWalk {
    let dbg = stack_debug();
    let mut frames: Vec<(usize, crate::stackmap::FrameScan<'static>)> = Vec::new();
    let mut cur = lo;
    if let Some((mut fp, mut pc)) = start {
        loop {
            if fp < cur || fp % 8 != 0 || fp + 16 > hi {
                break;
            }
            let Some((t, f)) = funcdata::lookup(pc) else { break };
            if f.kind == FuncKind::DeferTrampoline {
                // A deferred call run by a panic: continue at the frame whose defers it runs
                // (the words in between, the trampoline's, gopanic's and those of frames the
                // panic is unwinding, stay conservative: they are scanned as that frame's
                // "below" range).
                // SAFETY: g is live and the world is stopped (caller's contract).
                let owner = unsafe { crate::panic::deferred_call_owner(proc::panic_state_of(g), fp) };
                let Some((ofp, opc)) = owner else { break };
                // SAFETY: checked to be inside the stack before reading.
                if !(ofp > fp && ofp % 8 == 0 && ofp + 16 <= hi) || !unsafe { stopped_at_call(ofp, opc, cur) } {
                    break;
                }
                if dbg {
                    eprintln!("  deferred call of a panic at fp={fp:#x}: its frame fp={ofp:#x} pc={opc:#x}");
                }
                (fp, pc) = (ofp, opc);
                continue;
            }
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
            frames.push((fp, fs));
            cur = fp + 16;
            // SAFETY: [fp, fp + 16) is inside the stack (checked above).
            (fp, pc) = unsafe { crate::arch::caller_of(fp) };
        }
    }
    StackWalk { lo, hi, frames }
}

/// Whether the JIT frame `fp` is stopped at the call returning to `pc`: the word below its fixed
/// frame (where the call pushed its return address) is `pc` and lies at or above `lo`.
///
/// # Safety
/// `[fp, fp + 16)` lies inside a stack whose used part starts at or below `lo`; the world is
/// stopped.
unsafe fn stopped_at_call(fp: usize, pc: usize, lo: usize) -> bool {
    let Some((_, f)) = funcdata::lookup(pc) else { return false };
    let Some(ra) = fp.checked_sub(f.frame_size as usize + 8) else { return false };
    // SAFETY: ra lies between lo and fp, inside the used stack (checked).
    ra >= lo && unsafe { *(ra as *const usize) } == pc
}

/// Scans a walked stack: its described frames' map slots, explicit slots, clobber areas and
/// outgoing arguments; the words below each described frame (runtime frames: the entry that
/// collects or blocks, the registers a switch or a poll pushed) and everything above the last
/// described frame conservatively. Stack objects are left to the marker (scanned when a word
/// points into them).
///
/// # Safety
/// As for [`walk_frames`], which produced `w` with the world stopped since.
unsafe fn scan_walked(m: &mut Marker<'_>, w: &StackWalk) {
    let dbg = stack_debug();
    let mut below = w.lo;
    for (fp, fs) in &w.frames {
        let fp = *fp;
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
        dbg_range(below, w.hi, "rest");
    }
    // SAFETY: [below, hi) is part of [lo, hi).
    unsafe { m.range(below, w.hi) };
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
