//! Finalizers (gc's `runtime/mfinal.go`): `runtime.SetFinalizer`'s table, the marking rule for
//! objects that have one, the queue of finalizers due and the finalizer goroutine that runs them.
//!
//! # Marking (as gc's `markrootSpans`)
//! Every collection treats each registered finalizer as a root: its func value is marked, and the
//! object's *contents* are scanned without marking the object itself. An object reachable only
//! from its own finalizer record is therefore unmarked after marking while everything it points
//! to is live; it is then marked ("resurrected" for one more cycle), its record leaves the table
//! and joins the queue. The next collection frees it if the finalizer dropped it. Consequences
//! are gc's: an object in a cycle with itself (`x.self = x`) is never finalized (scanning its
//! contents marks it), and of a chain of finalized objects `a → b` only `a`'s finalizer runs in a
//! cycle (`b` is still reachable from `a`).
//!
//! # Running
//! The finalizer goroutine (gc's `fing`, created by the first `SetFinalizer`) is a system
//! goroutine (hidden from `NumGoroutine`, tracebacks and deadlock reports): it calls the queued
//! finalizers one at a time, in the order they were found, and parks while the queue is empty.
//! The collector readies it when it queues some; `runtime.GC()`'s caller then yields, so a
//! program that collects and then blocks or sleeps sees its finalizers run, as with gc.
//!
//! # State
//! One table and queue per heap, shared by the Ms of the program run that allocate from it
//! (`super::RunState`, under a mutex): the records hold Go pointers in Rust
//! memory, scanned by [`mark_roots`]; [`end_run`] drops them when the program ends (its objects
//! are unreachable then; gc never runs finalizers at exit either).

use super::mark::Marker;
use crate::abi::{Kind, Type};
use crate::sched::proc::{self, G, WaitReason};
use std::collections::{HashMap, VecDeque};

/// One finalizer (gc's `specialfinalizer` / `finalizer`).
#[derive(Clone, Copy)]
struct Fin {
    /// The object (the pointer `SetFinalizer` was given).
    obj: usize,
    /// The finalizer's func value (`ctx = fn`, code at `[fn]`).
    func: usize,
    /// The finalizer's parameter type (gc's `fint`) and the object's pointer type (`ot`).
    fint: *const Type,
    ot: *const Type,
    /// The finalizer's type (for its results).
    ftyp: *const Type,
}

#[derive(Default)]
pub(crate) struct State {
    table: HashMap<usize, Fin>,
    /// Finalizers due, in the order they were found (gc's `finq`).
    queue: VecDeque<Fin>,
    /// The finalizer goroutine has been created.
    fing_started: bool,
    /// The finalizer goroutine, recorded by itself when it parks.
    fing: Option<*mut G>,
    /// It is parked waiting for work.
    fing_idle: bool,
    /// A collection readied it and `runtime.GC()` has not yet yielded to it.
    fing_readied: bool,
}

// SAFETY: the goroutine pointer is only handed to the scheduler (under its lock) by whichever M
// finds finalizers due; the state is used under its mutex.
unsafe impl Send for State {}

fn with<R>(f: impl FnOnce(&mut State) -> R) -> R {
    // No caller re-enters, and nothing in `f` switches goroutines or reaches a safepoint (so a
    // stopped world never waits for a holder of this lock).
    let mut s = super::run_state().fin.lock().unwrap_or_else(|e| e.into_inner());
    f(&mut s)
}

fn throw(msg: String) -> ! {
    crate::rterror::fatal(&msg)
}

fn type_string(t: *const Type) -> String {
    // SAFETY: callers pass valid descriptors.
    unsafe { (*t).string_lossy() }
}

/// `runtime.SetFinalizer(obj, finalizer)` with both interfaces as their words; gc's checks and
/// fatal errors (`runtime.SetFinalizer: first argument is int, not pointer`, ...). A nil
/// `finalizer` removes `obj`'s finalizer. Pointers outside the heap (package variables, the
/// zero-size base) are ignored, as gc ignores pointers into data and bss.
///
/// # Safety
/// The words form two valid `any` values; a program runs on this thread.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_setfinalizer(etyp: *const Type, obj: usize, ftyp: *const Type, func: usize) {
    if etyp.is_null() {
        throw("runtime.SetFinalizer: first argument is nil".into());
    }
    // SAFETY: a valid descriptor (caller's contract).
    let et = unsafe { &*etyp };
    if et.kind() != Kind::Pointer {
        throw(format!("runtime.SetFinalizer: first argument is {}, not pointer", type_string(etyp)));
    }
    let elem = et.elem_ptr();
    if elem.is_null() {
        throw("nil elem type!".into());
    }
    let heap = crate::alloc::heap();
    // SAFETY: this thread's heap; only looked up.
    let (found, (lo, hi)) = unsafe { ((*heap).find(obj), (*heap).bounds()) };
    let Some(o) = found else {
        if obj < lo || obj >= hi {
            return; // a package variable or zerobase (gc's isGoPointerWithoutSpan)
        }
        throw("runtime.SetFinalizer: pointer not in allocated block".into());
    };
    if o.base != obj {
        // gc allows interior pointers only into tiny (combined, pointer-free) blocks.
        // SAFETY: valid descriptor.
        let e = unsafe { &*elem };
        if e.pointers() || e.size() >= 16 {
            throw("runtime.SetFinalizer: pointer not at beginning of allocated block".into());
        }
    }
    if ftyp.is_null() {
        with(|s| s.table.remove(&obj));
        return;
    }
    // SAFETY: a valid descriptor.
    let ft = unsafe { &*ftyp };
    if ft.kind() != Kind::Func {
        throw(format!("runtime.SetFinalizer: second argument is {}, not a function", type_string(ftyp)));
    }
    let cannot = || format!("runtime.SetFinalizer: cannot pass {} to finalizer {}", type_string(etyp), type_string(ftyp));
    if ft.is_variadic() {
        throw(format!("{} because dotdotdot", cannot()));
    }
    let ins = ft.func_in();
    if ins.len() != 1 {
        throw(cannot());
    }
    let fint = ins[0];
    // SAFETY: parameter descriptors are valid.
    let ok = fint == etyp
        || unsafe {
            let fi = &*fint;
            match fi.kind() {
                Kind::Pointer => (fi.uncommon().is_none() || et.uncommon().is_none()) && fi.elem_ptr() == elem,
                Kind::Interface => fi.imethods().is_empty() || !crate::iface::gort_getitab(fint, etyp).is_null(),
                _ => false,
            }
        };
    if !ok {
        throw(cannot());
    }
    let fin = Fin { obj, func, fint, ot: etyp, ftyp };
    let (dup, start) = with(|s| {
        if s.table.contains_key(&obj) {
            return (true, false);
        }
        s.table.insert(obj, fin);
        (false, !std::mem::replace(&mut s.fing_started, true))
    });
    if dup {
        throw("runtime.SetFinalizer: finalizer already set".into());
    }
    if start {
        // SAFETY: a program runs on this thread; fing_main starts as a system goroutine, spawned
        // under the scheduler's lock (taken after the state's lock was released: the finalizer
        // goroutine takes them in the other order).
        unsafe {
            proc::lock();
            proc::spawn_system(fing_main);
            proc::unlock();
        }
    }
}

/// The finalizer records as roots (module docs): each registered finalizer's func value and its
/// object's contents (not the object), each queued finalizer's func value and object.
pub(super) fn mark_roots(m: &mut Marker<'_>) {
    with(|s| {
        for f in s.table.values() {
            m.word(f.func);
            m.scan_contents(f.obj);
        }
        for f in &s.queue {
            m.word(f.func);
            m.word(f.obj);
        }
    });
}

/// After marking: queues the finalizers of unmarked objects and marks those objects (their
/// contents were marked from the roots), so they survive this collection. Returns how many were
/// queued; the finalizer goroutine is readied when it waits.
pub(super) fn queue_unreachable(m: &mut Marker<'_>) -> usize {
    let n = with(|s| {
        let due: Vec<usize> = s.table.values().filter(|f| !m.is_marked(f.obj)).map(|f| f.obj).collect();
        for obj in &due {
            if let Some(f) = s.table.remove(obj) {
                s.queue.push_back(f);
            }
        }
        due
    });
    for &obj in &n {
        m.resurrect(obj);
    }
    // The objects are marked now; anything only they reach was marked through scan_contents.
    m.drain();
    if !n.is_empty() {
        let g = with(|s| {
            s.fing_readied = true;
            if s.fing_idle {
                s.fing_idle = false;
                s.fing
            } else {
                None
            }
        });
        if let Some(g) = g {
            // SAFETY: the finalizer goroutine is live and parked; it is queued under the lock (the
            // world is stopped, but idle Ms may still look at the run queues).
            unsafe {
                proc::lock();
                proc::ready(g);
                proc::unlock();
            }
        }
    }
    n.len()
}

/// Whether a collection found finalizers to run since the last call (`runtime.GC()` then lets
/// the finalizer goroutine run before its caller: see `gort_gc`).
pub(super) fn take_readied() -> bool {
    with(|s| std::mem::take(&mut s.fing_readied))
}

/// The program run ended: its finalizer records and goroutine are gone.
pub(crate) fn end_run() {
    with(|s| *s = State::default());
}

/// The finalizer goroutine (gc's `runfinq`): runs the queued finalizers, then parks.
extern "C" fn fing_main() -> ! {
    proc::begin_system_goroutine();
    loop {
        run_queued();
        // The finalized objects' pointers are in the dead frames below: zero them, or the
        // parked goroutine's frames (scanned conservatively) would keep the objects alive.
        super::scrub_stack();
        let me = proc::current();
        // SAFETY: on a goroutine, holding no lock; park releases the scheduler's lock once this
        // goroutine has switched out, and queue_unreachable readies it (under that lock).
        unsafe {
            proc::lock();
            with(|s| {
                s.fing = Some(me);
                s.fing_idle = true;
            });
            proc::park(WaitReason::FinalizerWait);
        }
    }
}

/// Runs the queued finalizers until none is left (a frame of its own, dead once it returns).
#[inline(never)]
fn run_queued() {
    while let Some(f) = with(|s| s.queue.pop_front()) {
        // SAFETY: on the finalizer goroutine; the record's values were kept alive by mark_roots
        // while queued, and are on this goroutine's stack from here.
        unsafe { run(f) };
    }
}

/// Calls one finalizer with its object converted to the parameter type (gc's `runfinq`: the
/// pointer itself, or an interface holding it). Struct and array results are written to a
/// scratch block (their result pointers follow the argument words).
///
/// # Safety
/// On the finalizer goroutine; `f`'s values are live.
unsafe fn run(f: Fin) {
    let mut w = [0usize; 4];
    // SAFETY: valid descriptors (checked by gort_setfinalizer).
    let mut n = unsafe {
        let fi = &*f.fint;
        match fi.kind() {
            Kind::Interface if fi.imethods().is_empty() => {
                w[0] = f.ot as usize;
                w[1] = f.obj;
                2
            }
            Kind::Interface => {
                w[0] = crate::iface::gort_getitab(f.fint, f.ot) as usize;
                w[1] = f.obj;
                2
            }
            _ => {
                w[0] = f.obj;
                1
            }
        }
    };
    // Memory results (gojit passes a pointer per struct or array result after the parameters).
    // SAFETY: a valid func descriptor.
    let outs = unsafe { (*f.ftyp).func_out() };
    let mut scratch: Vec<Vec<u64>> = Vec::new();
    for &t in outs {
        // SAFETY: result descriptors are valid.
        let t = unsafe { &*t };
        if matches!(t.kind(), Kind::Struct | Kind::Array) {
            if n == w.len() {
                throw(format!("runtime.SetFinalizer: finalizer {} has too many results for gojit", type_string(f.ftyp)));
            }
            scratch.push(vec![0u64; t.size().div_ceil(8).max(1)]);
            w[n] = scratch.last_mut().map_or(0, |b| b.as_mut_ptr() as usize);
            n += 1;
        }
    }
    let obj = std::hint::black_box(f.obj);
    // SAFETY: func is a func value whose parameters are the n words passed (extra words are
    // ignored by the callee's convention).
    if unsafe { crate::trampoline::call_timer_func(f.func, w) }.is_err() {
        // An unrecovered panic in a finalizer ends the program as gc's does (`panic: V`, exit
        // status 2; gc then prints the finalizer goroutine's traceback).
        let v = crate::panic::take_method_panic()
            .unwrap_or(crate::abi::Eface { typ: std::ptr::null(), data: std::ptr::null_mut() });
        let text = crate::panic::describe_value(v, true);
        crate::output::flush_stdout();
        crate::output::write_stderr(format!("panic: {text}\n\n").as_bytes());
        // SAFETY: _exit ends the process without unwinding.
        unsafe { libc::_exit(2) }
    }
    std::hint::black_box(obj);
    drop(scratch);
}
