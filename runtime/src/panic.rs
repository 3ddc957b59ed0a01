//! Go's panic, defer and recover for JIT code: the goroutine's panic and defer state, `gopanic`'s
//! frame walk, `recover`'s direct-call rule, resuming a recovering frame, runtime-error values, and
//! the crash report of an unrecovered panic (DESIGN §4.3-4.8).
//!
//! # Model
//! Every goroutine has its own [`G`] (in its `sched::proc::G`; `g()` is the running one). `g.panic` is the stack of
//! active [`Panic`] records (newest first). A panic walks JIT frames upward from the frame that
//! raised it (`pc = [fp+8], fp = [fp]`), finding each frame's [`FuncInfo`] by pc:
//! - open-coded frames: while deferBits (a byte at `fp + deferbits_off`) is non-zero, take the
//!   highest set bit `i`, clear it and store it back, then call closure slot `i` through the defer
//!   trampoline;
//! - chained frames: pop and run the goroutine's defer records whose frame pointer is this frame;
//! - the defer trampoline: this panic was raised inside a deferred call run by an older panic,
//!   which is marked aborted; the walk continues with the remaining defers of the frame that owned
//!   that deferred call (the older panic's cursor), then further up;
//! - the method trampoline (the runtime calling a Go method: the crash report's
//!   `Error()`/`String()`, a timer or finalizer function): the panic is caught there;
//! - the entry trampoline: the panic is unrecovered: crash report, exit status 2 (for a
//!   `runtime.Goexit` walk: every deferred call ran, the goroutine ends normally).
//! After each deferred call, if the panic was recovered, the panic and every older panic raised at
//! or below the recovering frame are removed, and control resumes at the handler of the frame's
//! current call site with `rsp = fp - frame_offset`, `rbp = fp` (its deferreturn block).
//!
//! # Tracing (`--trace-panics`)
//! One `[panic]` line per step on stderr: panic raised (value, site), each frame visited (deferBits
//! before/after, or chained record index and records left), each deferred call run and whether it
//! returned without recovering, recover (by whom, which value) and every `recover()` returning nil
//! with its reason, aborted panics (by value), and each resume (target, sp, panics it removes).
//! Values print like the crash report (`Error()`/`String()` through the catching method
//! trampoline; narration is muted while the tracer runs such a method). A program that never
//! panics writes nothing, even when tracing.
//!
//! # Invariants
//! - No Rust frame abandoned by a resume owns anything with `Drop` at that point: the walk keeps
//!   only `Copy` data and raw pointers; formatting happens in callees that return first.
//! - No Rust panic crosses JIT frames: internal inconsistencies end in [`fatal`] (exit 2).
//! - A `Panic` record lives in its `gopanic` frame (like gc's `_panic`); records on `g.panic` are
//!   always in live frames, and a record is unlinked only right before a resume abandons it.

use crate::abi::{Eface, GoString, Kind, Type};
use crate::arch;
use crate::funcdata::{self, DeferKind, FuncInfo, FuncKind, FuncTable};
use crate::trampoline;
use crate::unwind;
use std::cell::UnsafeCell;
use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// An active panic (Go's `_panic`).
pub struct Panic {
    pub arg: Eface,
    /// The next older active panic.
    pub link: *mut Panic,
    pub recovered: bool,
    /// A newer panic walked past the deferred call this panic was running.
    pub aborted: bool,
    /// Reserved for `runtime.Goexit` (not supported yet; always false).
    pub goexit: bool,
    /// Frame (fp, return pc) that raised the panic.
    pub start_fp: usize,
    pub start_pc: usize,
    /// Frame whose defers the panic is running (fp, return pc in it).
    pub cursor_fp: usize,
    pub cursor_pc: usize,
    /// Frame pointer of the defer trampoline running the current deferred call (Go's `argp`);
    /// 0 between deferred calls.
    pub tramp_fp: usize,
    /// Raised by a nil dereference check (the crash report adds gc's `[signal SIGSEGV ...]` line).
    nil_deref: bool,
}

/// A chained defer record (DESIGN §4.3).
#[derive(Clone, Copy, Debug)]
struct DeferRecord {
    closure: usize,
    fp: usize,
}

/// What ended the goroutine abnormally without a panic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fatal {
    None,
    StackOverflow { fp: usize, pc: usize, sp: usize },
    Signal { sig: i32, code: i32, addr: usize, pc: usize },
}

/// One goroutine's panic and defer state (lives in its `sched::proc::G`).
pub(crate) struct G {
    panic: *mut Panic,
    defers: Vec<DeferRecord>,
    /// Frame pointer of the entry trampoline while main runs.
    entry_fp: usize,
    stack_lo: usize,
    guard_hi: usize,
    stack_hi: usize,
    fatal: Fatal,
    /// The value of a panic caught by the method trampoline, until its caller takes it.
    method_panic: Option<Eface>,
    /// Tracing is calling a panic value's `Error()`/`String()`: nested descriptions don't call
    /// methods (a method that panics with its own type would recurse forever).
    describing: bool,
    /// Some panic was raised on this goroutine: from then on the trace also narrates `recover()`
    /// calls that find no panic (before, a program that never panics keeps stderr empty).
    panicked_once: bool,
}

impl G {
    pub(crate) const fn new() -> G {
        G {
            panic: std::ptr::null_mut(),
            defers: Vec::new(),
            entry_fp: 0,
            stack_lo: 0,
            guard_hi: 0,
            stack_hi: 0,
            fatal: Fatal::None,
            method_panic: None,
            describing: false,
            panicked_once: false,
        }
    }
}

impl G {
    /// The words this state holds in Rust memory that may point into the Go heap (collector
    /// roots): the chained defer records' closures and a caught method panic's value. Panic
    /// records themselves live in `gopanic`'s frame on the goroutine stack, which is scanned.
    pub(crate) fn for_each_root(&self, f: &mut dyn FnMut(usize)) {
        for d in &self.defers {
            f(d.closure);
        }
        if let Some(e) = &self.method_panic {
            f(e.data as usize);
        }
        f(self.panic as usize);
    }
}

/// The frame whose defers a panic of goroutine state `g` is running through the defer
/// trampoline frame `tramp_fp`: that panic's cursor `(fp, return pc)`, newest panic first. The
/// collector continues its frame walk there (a frame stopped at the call that raised the panic,
/// or at the call whose callee panicked: if a deferred call recovers, the frame resumes at that
/// call's handler, so what it still uses is what is live across that call, as in gc's use of the
/// deferreturn map for a frame whose defers a panic runs).
///
/// # Safety
/// `g` is a live goroutine's panic state that is not being changed (the world is stopped).
pub(crate) unsafe fn deferred_call_owner(g: *const G, tramp_fp: usize) -> Option<(usize, usize)> {
    // SAFETY: guaranteed by the caller: the list links live records in live gopanic frames.
    let mut q = unsafe { (*g).panic };
    while !q.is_null() {
        // SAFETY: as above.
        let r = unsafe { &*q };
        if r.tramp_fp == tramp_fp && r.cursor_fp > tramp_fp {
            return Some((r.cursor_fp, r.cursor_pc));
        }
        q = r.link;
    }
    None
}

thread_local! {
    /// The state used when no goroutine runs on this thread (runtime code called outside a
    /// program run, e.g. by unit tests, and fault signals of such threads).
    static NO_GOROUTINE: UnsafeCell<G> = const { UnsafeCell::new(G::new()) };
}

/// The running goroutine's panic state. Callers never keep the reference across a call into JIT
/// code or a context switch.
fn g() -> &'static mut G {
    let cur = crate::sched::proc::current_panic_state();
    if !cur.is_null() {
        // SAFETY: the running goroutine's record lives until it ends, which is after every use
        // of this reference (callers hold it only briefly, never across a switch).
        return unsafe { &mut *cur };
    }
    // SAFETY: thread-local, lives as long as the thread; held briefly as above.
    NO_GOROUTINE.with(|g| unsafe { &mut *g.get() })
}

static TRACE: AtomicBool = AtomicBool::new(false);

/// `--trace-panics`: narrate every step of panics on stderr.
#[unsafe(no_mangle)]
pub extern "C" fn gort_set_trace(on: bool) {
    TRACE.store(on, Ordering::Relaxed);
}

fn tracing() -> bool {
    TRACE.load(Ordering::Relaxed)
}

/// One `[panic]` line. Silent while the trace itself calls a value's `Error()`/`String()` (see
/// [`describe_for_trace`]): panics inside those calls are the narrator's, not the program's.
fn trace(msg: std::fmt::Arguments) {
    if g().describing {
        return;
    }
    let _ = writeln!(std::io::stderr(), "[panic] {msg}");
}

/// Flushes the program's buffered standard output (and Rust's, for test hooks).
fn flush_stdout() {
    crate::output::flush_stdout();
    let _ = std::io::stdout().flush();
}

/// Writes to stderr (after flushing stdout).
fn write_stderr(s: &str) {
    flush_stdout();
    let _ = std::io::stderr().write_all(s.as_bytes());
}

/// An internal error of the runtime or a broken compiler contract: `fatal error: <msg>`, exit 2.
pub fn fatal(msg: &str) -> ! {
    write_stderr(&format!("fatal error: {msg}\n"));
    // SAFETY: _exit ends the process without unwinding.
    unsafe { libc::_exit(2) }
}

crate::jit_entry! {
    /// `runtime.Breakpoint()`: gc executes a breakpoint trap; with no debugger attached its
    /// SIGTRAP handler ends the program (`_SigThrow`) with `SIGTRAP: trace trap`, the pc and
    /// `sigcode=128` (SI_KERNEL, as the kernel reports an int3), the goroutine's traceback, exit
    /// status 2. Called only from the hook body of `runtime.Breakpoint` (its JIT caller).
    pub fn gort_breakpoint() => breakpoint_entry;
}

extern "C" fn breakpoint_entry(fp: usize, pc: usize) {
    let mut s = format!("SIGTRAP: trace trap\nPC={pc:#x} m=0 sigcode=128\n");
    crate::sched::proc::append_running_traceback(&mut s, fp, pc);
    write_stderr(&s);
    // SAFETY: _exit ends the process without unwinding.
    unsafe { libc::_exit(2) }
}

// ---------------------------------------------------------------------------------------------
// Goroutine lifecycle (used by trampoline::run_main)
// ---------------------------------------------------------------------------------------------

pub(crate) fn begin_goroutine(lo: usize, guard_hi: usize, hi: usize) {
    install_rust_panic_hook();
    let g = g();
    g.panic = std::ptr::null_mut();
    g.defers.clear();
    g.entry_fp = 0;
    g.stack_lo = lo;
    g.guard_hi = guard_hi;
    g.stack_hi = hi;
    g.fatal = Fatal::None;
    g.method_panic = None;
    g.describing = false;
    g.panicked_once = false;
}

/// A Rust panic in runtime code called from Go code must not unwind through JIT frames: while a
/// goroutine runs on this thread, the hook reports it as a fatal error and exits with status 2.
/// Elsewhere (tests, the compiler) the previous hook runs as usual.
fn install_rust_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if g().entry_fp != 0 {
                write_stderr(&format!("fatal error: internal runtime error: {info}\n"));
                // SAFETY: _exit ends the process without unwinding.
                unsafe { libc::_exit(2) }
            }
            prev(info)
        }));
    });
}

/// Whether `[fp, fp+16)` lies inside the usable part of the current goroutine's stack (above the
/// guard), 8-byte aligned: only such a value is read as a frame.
pub(crate) fn on_goroutine_stack(fp: usize) -> bool {
    let g = g();
    fp >= g.guard_hi && fp + 16 <= g.stack_hi && fp % 8 == 0
}

pub(crate) fn entry_fp_slot() -> *mut usize {
    &mut g().entry_fp
}

pub(crate) fn entry_fp() -> usize {
    g().entry_fp
}

/// Called after the entry trampoline returned: prints fatal-error reports, releases the
/// goroutine's state, flushes stdout, and returns the exit status.
pub(crate) fn end_goroutine(status: i32) -> i32 {
    let g = g();
    match std::mem::replace(&mut g.fatal, Fatal::None) {
        Fatal::None => {}
        Fatal::StackOverflow { fp, pc, sp } => write_stderr(&stack_overflow_report(fp, pc, sp, g.guard_hi, g.stack_hi)),
        Fatal::Signal { sig, code, addr, pc } => {
            let mut s = format!(
                "fatal error: unexpected signal during runtime execution\n[signal {} code={code:#x} addr={addr:#x} pc={pc:#x}]\n",
                signal_name(sig)
            );
            s.push_str("\ngoroutine 1 [running]:\n");
            write_stderr(&s);
        }
    }
    // Forget whatever a crash or os.Exit left behind (the records lived in abandoned frames).
    g.panic = std::ptr::null_mut();
    g.defers.clear();
    g.entry_fp = 0;
    g.stack_lo = 0;
    g.stack_hi = 0;
    flush_stdout();
    status
}

/// gc's stack-overflow report for a stack pointer `sp` beyond `[lo, hi)`, with the traceback from
/// the JIT frame `(fp, pc)`.
fn stack_overflow_report(fp: usize, pc: usize, sp: usize, lo: usize, hi: usize) -> String {
    let mut s = format!(
        "runtime: goroutine stack exceeds {}-byte limit\nruntime: sp={sp:#x} stack=[{lo:#x}, {hi:#x}]\nfatal error: stack overflow\n\n",
        trampoline::GO_STACK_LIMIT,
    );
    unwind::traceback(&mut s, fp, pc, 100);
    s
}

/// The running goroutine's stack `[lo, hi)` (`(0, 0)` outside a goroutine).
pub(crate) fn stack_bounds() -> (usize, usize) {
    let g = g();
    (g.stack_lo, g.stack_hi)
}

/// A goroutine's stack-bound check failed (`sched::stack`'s slow path, below the JIT frame
/// `(fp, pc)`, with the stack pointer at `sp`): gc's fatal error, then exit status 2 (deferred
/// calls do not run, as with gc).
pub(crate) fn stack_overflow(fp: usize, pc: usize, sp: usize) -> ! {
    let (lo, hi) = stack_bounds();
    let s = stack_overflow_report(fp, pc, sp, lo, hi);
    flush_stdout();
    write_stderr(&s);
    // SAFETY: _exit ends the process without unwinding (other Ms stop with it).
    unsafe { libc::_exit(2) }
}

fn signal_name(sig: i32) -> &'static str {
    match sig {
        libc::SIGSEGV => "SIGSEGV: segmentation violation",
        libc::SIGBUS => "SIGBUS: bus error",
        libc::SIGILL => "SIGILL: illegal instruction",
        libc::SIGFPE => "SIGFPE: floating-point exception",
        _ => "signal",
    }
}

/// From the fault handler: records a synchronous fault of the goroutine thread. Returns whether
/// the thread is running Go code (then the handler resumes the entry trampoline). Async-signal
/// safe: only reads and writes the thread-local goroutine.
pub(crate) fn record_fault(sig: i32, code: i32, addr: usize, pc: usize, fp: usize, sp: usize) -> bool {
    let g = g();
    if g.entry_fp == 0 {
        return false;
    }
    g.fatal = if sig == libc::SIGSEGV && addr >= g.stack_lo && addr < g.guard_hi {
        Fatal::StackOverflow { fp, pc, sp }
    } else {
        Fatal::Signal { sig, code, addr, pc }
    };
    true
}

// ---------------------------------------------------------------------------------------------
// gopanic
// ---------------------------------------------------------------------------------------------

crate::jit_entry! {
    /// `panic(v)` from JIT code: `v` is an empty interface `(typ, data)`. Call it with the `tail`
    /// convention (a `try_call` in frames with defers). Never returns.
    pub fn gort_gopanic(typ: *const Type, data: *mut u8) -> ! => gopanic_entry;
}

extern "C" fn gopanic_entry(typ: *const Type, data: *mut u8, fp: usize, pc: usize) -> ! {
    let arg = if typ.is_null() { panic_nil_error() } else { Eface { typ, data } };
    // SAFETY: the entry shim passes the live JIT frame that called `gort_gopanic`.
    unsafe { gopanic(arg, fp, pc, false) }
}

/// Raises a Go panic with value `arg` from Rust runtime code called (directly or through other
/// runtime functions, std code included) by JIT code. The walk starts at the nearest JIT frame,
/// found by unwinding the Rust frames ([`arch::boundary::nearest_jit_frame`]; no frame pointers
/// needed). Callers must hold nothing with `Drop` (nor locks).
#[inline(never)]
pub fn throw(arg: Eface) -> ! {
    throw_inner(arg, false)
}

#[inline(never)]
fn throw_inner(arg: Eface, nil_deref: bool) -> ! {
    match arch::boundary::nearest_jit_frame(|pc| funcdata::lookup(pc).is_some()) {
        // SAFETY: the unwinder found a live JIT frame (its rbp and a return address into it).
        Some((fp, pc)) if on_goroutine_stack(fp) => unsafe { gopanic(arg, fp, pc, nil_deref) },
        _ => fatal("panic raised outside Go code"),
    }
}

/// # Safety
/// `(fp, pc)` must describe a live JIT frame (its frame pointer and a return address in it).
unsafe fn gopanic(arg: Eface, fp: usize, pc: usize, nil_deref: bool) -> ! {
    // A panic raised in an entry that recorded the frame it blocks in leaves that entry.
    crate::sched::proc::clear_wait_frame();
    let g = g();
    // Like gc's `_panic`, the record lives in this (never returning) frame: it stays valid while
    // it is on `g.panic`, and it is unlinked only right before a resume abandons this frame.
    let mut record = Panic {
        arg,
        link: g.panic,
        recovered: false,
        aborted: false,
        goexit: false,
        start_fp: fp,
        start_pc: pc,
        cursor_fp: fp,
        cursor_pc: pc,
        tramp_fp: 0,
        nil_deref,
    };
    let p: *mut Panic = &mut record;
    g.panic = p;
    g.panicked_once = true;
    if tracing() {
        trace_raised(p, fp, pc);
    }
    // SAFETY: forwarded from the caller.
    unsafe { walk(p, fp, pc) }
}

crate::jit_entry! {
    /// `runtime.Goexit()`: runs every deferred call of the goroutine (a walk like a panic's,
    /// during which `recover()` returns nil), then ends the goroutine. `tail`; never returns.
    pub fn gort_goexit() -> ! => goexit_entry;
}

extern "C" fn goexit_entry(fp: usize, pc: usize) -> ! {
    crate::sched::proc::clear_wait_frame();
    let g = g();
    let mut record = Panic {
        arg: Eface { typ: std::ptr::null(), data: std::ptr::null_mut() },
        link: g.panic,
        recovered: false,
        aborted: false,
        goexit: true,
        start_fp: fp,
        start_pc: pc,
        cursor_fp: fp,
        cursor_pc: pc,
        tramp_fp: 0,
        nil_deref: false,
    };
    let p: *mut Panic = &mut record;
    g.panic = p;
    if tracing() {
        trace(format_args!("runtime.Goexit at {} (fp={fp:#x})", unwind::describe_pc(pc)));
    }
    // SAFETY: (fp, pc) is the live JIT caller; p is g.panic.
    unsafe { walk(p, fp, pc) }
}

/// A Goexit walk reached the entry trampoline: every deferred call ran; the goroutine ends
/// normally (the panics it aborted end with it).
fn goexit_done(_p: *mut Panic) -> ! {
    g().panic = std::ptr::null_mut();
    crate::sched::proc::mark_goexited();
    resume_entry(0)
}

#[inline(never)]
fn trace_raised(p: *mut Panic, fp: usize, pc: usize) {
    // SAFETY: p is the live newest panic.
    let v = unsafe { describe_for_trace((*p).arg) };
    trace(format_args!("panic raised: {v} at {} (fp={fp:#x})", unwind::describe_pc(pc)));
}

/// The frame walk (see the module docs). `p` is the newest panic.
///
/// # Safety
/// `(fp, pc)` is a live JIT frame; `p` is `g.panic`.
unsafe fn walk(p: *mut Panic, mut fp: usize, mut pc: usize) -> ! {
    // Consecutive frames are often the same function (recursion): try the last one first.
    let mut last: Option<(&'static FuncTable, &'static FuncInfo)> = None;
    let narrate = tracing();
    loop {
        let (t, f) = match last {
            Some((t, f)) if f.contains(pc) => (t, f),
            _ => match funcdata::lookup(pc) {
                Some(hit) => hit,
                None => fatal(&format!("unexpected return pc {pc:#x} during panic (frame {fp:#x})")),
            },
        };
        last = Some((t, f));
        // Frames without defers are just passed (the common case in deep stacks): tested before
        // the dispatch on the frame's kind, as compare-and-branch rather than a jump table.
        let passed = f.kind == FuncKind::Go && f.defer_kind == DeferKind::None && !narrate;
        if !passed {
            match f.kind {
                // SAFETY: p is live.
                FuncKind::EntryTrampoline if unsafe { (*p).goexit } => goexit_done(p),
                FuncKind::EntryTrampoline => crash(p),
                // SAFETY: (fp, pc) is a live method-trampoline frame.
                FuncKind::MethodTrampoline => unsafe { caught_by_method_call(p, t, f, fp, pc) },
                FuncKind::DeferTrampoline => {
                    // SAFETY: p and its links are live panic records.
                    let q = unsafe { owner_of_deferred_call(p, fp) };
                    // SAFETY: q is live (found on the list).
                    unsafe {
                        (*q).aborted = true;
                        if tracing() {
                            trace_aborts(q);
                        }
                        fp = (*q).cursor_fp;
                        pc = (*q).cursor_pc;
                    }
                    continue;
                }
                // SAFETY: (fp, pc) is a live Go frame.
                FuncKind::Go => unsafe { run_frame_defers(p, t, f, fp, pc) },
            }
        }
        // SAFETY: fp is a live frame-pointer frame.
        let (nfp, npc) = unsafe { arch::caller_of(fp) };
        if nfp <= fp {
            fatal(&format!("corrupt frame chain during panic at {fp:#x}"));
        }
        fp = nfp;
        pc = npc;
    }
}

#[inline(never)]
fn trace_aborts(q: *mut Panic) {
    // SAFETY: q is a live panic record.
    let (arg, pc) = unsafe { ((*q).arg, (*q).cursor_pc) };
    trace(format_args!(
        "panic aborts the older panic {} (it was running this deferred call); continuing in {}",
        describe_for_trace(arg),
        unwind::describe_pc(pc)
    ));
}

/// The older panic whose deferred call is running in the defer trampoline frame `tramp_fp`.
///
/// # Safety
/// `p` heads a list of live panic records.
unsafe fn owner_of_deferred_call(p: *mut Panic, tramp_fp: usize) -> *mut Panic {
    // SAFETY: the list links live records.
    let mut q = unsafe { (*p).link };
    while !q.is_null() {
        // SAFETY: as above.
        unsafe {
            if (*q).tramp_fp == tramp_fp {
                return q;
            }
            q = (*q).link;
        }
    }
    fatal("deferred call frame without a running panic")
}

/// Runs the pending defers of one Go frame; resumes it if one of them recovers the panic.
///
/// # Safety
/// `(fp, pc)` is a live frame of `f`; `p` is `g.panic`.
unsafe fn run_frame_defers(p: *mut Panic, t: &'static FuncTable, f: &'static FuncInfo, fp: usize, pc: usize) {
    match f.defer_kind {
        DeferKind::None => {
            if tracing() {
                trace(format_args!("frame {} (fp={fp:#x}): no defers", unwind::describe_pc(pc)));
            }
        }
        DeferKind::OpenCoded => {
            let bits_ptr = (fp as isize + f.deferbits_off as isize) as *mut u8;
            let slots = t.closure_offsets(f);
            loop {
                // SAFETY: deferBits lives in this live frame at the recorded offset.
                let bits = unsafe { bits_ptr.read_volatile() };
                if bits == 0 {
                    if tracing() {
                        trace(format_args!("frame {} (fp={fp:#x}): deferBits 0b00000000, no pending defers", unwind::describe_pc(pc)));
                    }
                    break;
                }
                let i = 7 - bits.leading_zeros() as usize;
                let left = bits & !(1u8 << i);
                // SAFETY: as above; Go clears the bit before calling the deferred function.
                unsafe { bits_ptr.write_volatile(left) };
                let Some(&off) = slots.get(i) else {
                    fatal(&format!("deferBits {bits:#04x} of {} has no closure slot {i}", t.name(f)));
                };
                // SAFETY: closure slot `i` is set whenever bit `i` is.
                let closure = unsafe { ((fp as isize + off as isize) as *const usize).read() };
                if tracing() {
                    trace(format_args!(
                        "frame {} (fp={fp:#x}): deferBits {bits:#010b} -> {left:#010b}, running defer {i}",
                        unwind::describe_pc(pc)
                    ));
                }
                // SAFETY: forwarded.
                unsafe { run_deferred(p, t, f, closure, fp, pc, Which::Open(i)) };
            }
        }
        DeferKind::Chained => loop {
            let g = g();
            let top = match g.defers.last() {
                Some(&top) if top.fp <= fp => top,
                _ => {
                    if tracing() {
                        trace(format_args!("frame {} (fp={fp:#x}): no pending chained defers", unwind::describe_pc(pc)));
                    }
                    break;
                }
            };
            g.defers.pop();
            if top.fp < fp {
                continue; // a record of a frame already unwound
            }
            // The popped record's index on the goroutine's defer chain.
            let index = g.defers.len();
            if tracing() {
                let left = g.defers.iter().rev().take_while(|r| r.fp == fp).count();
                trace(format_args!(
                    "frame {} (fp={fp:#x}): running chained defer record {index} ({left} more for this frame)",
                    unwind::describe_pc(pc)
                ));
            }
            // SAFETY: forwarded.
            unsafe { run_deferred(p, t, f, top.closure, fp, pc, Which::Chained(index)) };
        },
    }
}

/// Which deferred call of a frame runs (for the trace).
#[derive(Clone, Copy, Debug)]
enum Which {
    /// Open-coded defer `i` (its deferBits bit).
    Open(usize),
    /// Chained defer record at this index of the goroutine's defer chain.
    Chained(usize),
}

impl std::fmt::Display for Which {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Which::Open(i) => write!(out, "defer {i}"),
            Which::Chained(i) => write!(out, "chained defer record {i}"),
        }
    }
}

/// Calls one deferred closure for panic `p` in frame `(fp, pc)`; on recovery resumes the frame.
///
/// # Safety
/// As for [`run_frame_defers`].
unsafe fn run_deferred(p: *mut Panic, t: &'static FuncTable, f: &'static FuncInfo, closure: usize, fp: usize, pc: usize, which: Which) {
    // SAFETY: p is live until removed, which only happens on a resume that abandons this frame.
    unsafe {
        (*p).cursor_fp = fp;
        (*p).cursor_pc = pc;
        trampoline::call_deferred(closure, &mut (*p).tramp_fp);
        (*p).tramp_fp = 0;
        if (*p).recovered {
            recovery(p, t, f, fp, pc);
        }
    }
    if tracing() {
        trace(format_args!("{which} of {} returned without recovering; the panic continues", t.name(f)));
    }
}

/// Resumes frame `(fp, pc)` of `f` at its call site's handler after `p` was recovered.
///
/// # Safety
/// As for [`run_frame_defers`]; `p` is recovered.
unsafe fn recovery(p: *mut Panic, t: &'static FuncTable, f: &'static FuncInfo, fp: usize, pc: usize) -> ! {
    let Some(cs) = t.call_site_at(f, pc) else {
        fatal(&format!(
            "recovered in {} at {pc:#x}, which is not a try_call site (compiler contract)",
            t.name(f)
        ));
    };
    let (handler, sp) = (f.start + cs.handler as usize, fp - cs.frame_offset as usize);
    if tracing() {
        trace_resume(p, t.name(f), cs.handler, sp, fp);
    }
    let g = g();
    let mut q = g.panic;
    debug_assert_eq!(q, p);
    // Remove the recovered panic and every (aborted) panic raised at or below this frame; their
    // records live in gopanic frames that the resume below abandons.
    // SAFETY: the list links live records.
    unsafe {
        while !q.is_null() && (*q).start_fp <= fp {
            q = (*q).link;
        }
    }
    g.panic = q;
    // SAFETY: handler/sp/fp come from the live frame's call-site table; the Rust frames below it
    // hold only Copy data.
    unsafe { arch::resume(handler, sp, fp, 0, 0) }
}

/// The `resume` line: target, and the panics the resume removes (the same walk as [`recovery`]).
#[inline(never)]
fn trace_resume(p: *mut Panic, name: &str, handler: u32, sp: usize, fp: usize) {
    let mut removed = String::new();
    let mut q = p;
    // SAFETY: the list links live records.
    while !q.is_null() && unsafe { (*q).start_fp } <= fp {
        // SAFETY: as above.
        let (arg, recovered, aborted, link) = unsafe { ((*q).arg, (*q).recovered, (*q).aborted, (*q).link) };
        let state = if recovered { "recovered" } else if aborted { "aborted" } else { "active" };
        if !removed.is_empty() {
            removed.push_str(", ");
        }
        removed.push_str(&format!("{} [{state}]", describe_for_trace(arg)));
        q = link;
    }
    trace(format_args!("resume {name} at handler +{handler:#x} with sp={sp:#x} fp={fp:#x}; removes panics: {removed}"));
}

/// A panic reached the method trampoline: it is caught there.
///
/// # Safety
/// `(fp, pc)` is a live frame of the method trampoline `f`; `p` is `g.panic`.
unsafe fn caught_by_method_call(p: *mut Panic, t: &'static FuncTable, f: &'static FuncInfo, fp: usize, pc: usize) -> ! {
    let Some(cs) = t.call_site_at(f, pc) else { fatal("method trampoline without handler") };
    let g = g();
    // SAFETY: p is the live newest panic; it is unlinked here (its frame is abandoned below).
    unsafe {
        g.panic = (*p).link;
        g.method_panic = Some((*p).arg);
    }
    if tracing() {
        trace(format_args!("panic caught by the runtime's method call"));
    }
    // SAFETY: as in `recovery`.
    unsafe { arch::resume(f.start + cs.handler as usize, fp - cs.frame_offset as usize, fp, 1, 0) }
}

/// The panic whose deferred call runs in a defer trampoline frame, as a traceback shows it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RunningDefer {
    /// The panic's value.
    pub arg: Eface,
    /// The JIT frame that raised it: its frame pointer and the pc of the raise.
    pub start_fp: usize,
    pub start_pc: usize,
}

/// The panic whose deferred call runs in the defer trampoline frame `tramp_fp`.
pub(crate) fn panic_running_defer(tramp_fp: usize) -> Option<RunningDefer> {
    let mut q = g().panic;
    while !q.is_null() {
        // SAFETY: the list links live records.
        unsafe {
            if (*q).tramp_fp == tramp_fp {
                return Some(RunningDefer { arg: (*q).arg, start_fp: (*q).start_fp, start_pc: (*q).start_pc });
            }
            q = (*q).link;
        }
    }
    None
}

/// The value of the last panic caught by [`trampoline::call_method2`].
pub fn take_method_panic() -> Option<Eface> {
    g().method_panic.take()
}

// ---------------------------------------------------------------------------------------------
// recover
// ---------------------------------------------------------------------------------------------

#[inline(never)]
fn trace_refused(caller_pc: usize, why: &str) {
    trace(format_args!("recover() in {} returns nil: {why}", unwind::describe_pc(caller_pc)));
}

crate::jit_entry! {
    /// `recover()`: writes the current panic's value to `*out` (nil `{0, 0}` otherwise) and marks
    /// it recovered, if called directly by the deferred function the panic invoked (wrapper frames
    /// in between are transparent). Callable with `tail` or `system_v` (one argument, no result);
    /// it never panics, so a plain call is fine.
    pub fn gort_gorecover(out: *mut Eface) => gorecover_entry;
}

extern "C" fn gorecover_entry(out: *mut Eface, caller_fp: usize, caller_pc: usize) {
    let v = recover_for(caller_fp, caller_pc);
    // SAFETY: the compiler passes a pointer to 16 writable bytes.
    unsafe { out.write(v) };
}

/// The `recover()` decision for the Go function whose frame is `caller_fp`.
fn recover_for(caller_fp: usize, caller_pc: usize) -> Eface {
    let nil = Eface { typ: std::ptr::null(), data: std::ptr::null_mut() };
    let g = g();
    let p = g.panic;
    if p.is_null() {
        // Narrated only once a panic happened: a program that never panics keeps stderr empty.
        if tracing() && g.panicked_once {
            trace_refused(caller_pc, "no panic is running");
        }
        return nil;
    }
    // SAFETY: p is a live record.
    let (recovered, goexit, tramp_fp) = unsafe { ((*p).recovered, (*p).goexit, (*p).tramp_fp) };
    if recovered || goexit || tramp_fp == 0 {
        if tracing() {
            let why = if recovered {
                "the running panic is already recovered"
            } else if goexit {
                "runtime.Goexit is running, not a panic"
            } else {
                "the running panic is not calling a deferred function"
            };
            trace_refused(caller_pc, why);
        }
        return nil;
    }
    // SAFETY: as above.
    let argp = unsafe { (*p).tramp_fp };
    let mut fp = caller_fp;
    // `defer recover()`: the compiler's wrapper calls recover, and forwards its caller's
    // recoverability (gc: a wrapper's prologue adjusts the panic's argp). Run by the panic itself
    // (the wrapper is the deferred call), recover is not called by a deferred function: nil. Run
    // at the exit of a function F, it is F's call: F must be the deferred function the panic
    // calls (recover1.go's test5/test6: `defer func() { defer recover() }()` recovers).
    if matches!(funcdata::lookup(caller_pc), Some((_, f)) if f.is_wrapper) {
        // SAFETY: caller_fp is the wrapper's live JIT frame on the goroutine stack.
        let (up, _) = unsafe { arch::caller_of(caller_fp) };
        if up == argp {
            if tracing() {
                trace_refused(caller_pc, "`defer recover()` run by the panic: recover is the deferred call, not called by one");
            }
            return nil;
        }
        fp = up;
    }
    loop {
        // SAFETY: fp is a live JIT frame on the goroutine stack.
        let (up, up_pc) = unsafe { arch::caller_of(fp) };
        if up == argp {
            break;
        }
        match funcdata::lookup(up_pc) {
            Some((_, f)) if f.kind == FuncKind::Go && f.is_wrapper => fp = up,
            _ => {
                if tracing() {
                    trace_refused(caller_pc, "not called directly by the deferred function");
                }
                return nil;
            }
        }
    }
    // SAFETY: p is live.
    unsafe {
        (*p).recovered = true;
        if tracing() {
            trace(format_args!("recovered by {}: {}", unwind::describe_pc(caller_pc), describe_for_trace((*p).arg)));
        }
        (*p).arg
    }
}

// ---------------------------------------------------------------------------------------------
// Chained defers
// ---------------------------------------------------------------------------------------------

crate::jit_entry! {
    /// `defer` in a function with chained defers: pushes `closure` (a func value) for the calling
    /// frame. `system_v`, plain call.
    pub fn gort_deferproc(closure: usize) => deferproc_entry;
}

extern "C" fn deferproc_entry(closure: usize, fp: usize, _pc: usize) {
    // `defer f()` with a nil f panics when the deferred call runs, not here; and 0 is
    // `gort_deferpop`'s "no more records", so a nil func is recorded as a closure that panics.
    let closure = if closure == 0 { &NIL_FUNC_CLOSURE as *const NilFuncClosure as usize } else { closure };
    g().defers.push(DeferRecord { closure, fp });
}

crate::jit_entry! {
    /// `defer` in the body of a range-over-func loop (gc's `deferprocat`): the deferred call
    /// belongs to the function containing the loop, whose frame pointer is `frame` (it stored it
    /// before calling the iterator). The record goes on the chain just above that frame's newest
    /// record and below the records of the frames called since (the iterator's and the body's
    /// own callees', which are deeper: lower fp), so each frame's exit still finds its own records
    /// on top and the enclosing function runs this one LIFO with its own defers. `system_v`, plain
    /// call.
    pub fn gort_deferprocat(closure: usize, frame: usize) => deferprocat_entry;
}

extern "C" fn deferprocat_entry(closure: usize, frame: usize, _fp: usize, _pc: usize) {
    let closure = if closure == 0 { &NIL_FUNC_CLOSURE as *const NilFuncClosure as usize } else { closure };
    let d = &mut g().defers;
    // records above `at` belong to deeper frames (live or already unwound)
    let mut at = d.len();
    while at > 0 && d[at - 1].fp < frame {
        at -= 1;
    }
    d.insert(at, DeferRecord { closure, fp: frame });
}

/// A closure object (`[code]`, see abi/mod.rs) standing for a deferred nil func value: calling it
/// raises gc's nil-dereference panic from the caller's frame, exactly like calling a nil func.
#[repr(C)]
struct NilFuncClosure {
    code: unsafe extern "C" fn() -> !,
}

static NIL_FUNC_CLOSURE: NilFuncClosure = NilFuncClosure { code: gort_panic_nilderef };

crate::jit_entry! {
    /// At each exit (and in the deferreturn block) of a function with chained defers: pops and
    /// returns the calling frame's newest deferred closure, or 0 when it has none left. The caller
    /// calls the closure (a `try_call`) and loops. `system_v` or `tail`; never panics. Also bound
    /// under the name `gort_deferreturn`.
    pub fn gort_deferpop() -> usize => deferpop_entry;
}

extern "C" fn deferpop_entry(fp: usize, _pc: usize) -> usize {
    let g = g();
    match g.defers.last() {
        Some(r) if r.fp == fp => {
            let c = r.closure;
            g.defers.pop();
            c
        }
        _ => 0,
    }
}

// ---------------------------------------------------------------------------------------------
// os.Exit
// ---------------------------------------------------------------------------------------------

/// `os.Exit(code)`: flushes stdout and ends `main` at once with status `code`; deferred calls do
/// not run. `tail` or `system_v` (it never returns).
#[unsafe(no_mangle)]
pub extern "C" fn gort_exit(code: i64) -> ! {
    flush_stdout();
    exit_goroutine(code as i32)
}

/// Ends the program with `status`: records it with the scheduler and resumes the running
/// goroutine's entry trampoline handler (its goroutine then ends and the scheduler stops).
fn exit_goroutine(status: i32) -> ! {
    crate::sched::proc::request_exit(status);
    resume_entry(status)
}

/// Resumes the running goroutine's entry trampoline handler with `status` (ends the goroutine).
fn resume_entry(status: i32) -> ! {
    let fp = g().entry_fp;
    let Some((start, cs)) = trampoline::entry_call_site() else {
        // SAFETY: no Go program frame to return to; end the process.
        unsafe { libc::_exit(status) }
    };
    if fp == 0 {
        // SAFETY: as above.
        unsafe { libc::_exit(status) }
    }
    // SAFETY: the entry trampoline frame is live at the top of the goroutine stack.
    unsafe { arch::resume(start + cs.handler as usize, fp - cs.frame_offset as usize, fp, status as usize, 0) }
}

// ---------------------------------------------------------------------------------------------
// Runtime errors
// ---------------------------------------------------------------------------------------------

/// The Go-side representation of the runtime's error values: the data word points to this.
#[repr(C)]
struct RtErr {
    msg: GoString,
}

/// Descriptors of the runtime's error types, built once (used until the program's runtime facade
/// registers its own: [`gort_register_error_types`]).
struct RtTypes {
    /// `func() string`, the signature of Error/String (compare methods by name and this name).
    func_string: &'static Type,
    func_void: &'static Type,
    /// Indexed by [`RtErrClass`].
    classes: [&'static Type; RtErrClass::COUNT],
}

fn rt_types() -> &'static RtTypes {
    use crate::typedesc::{basic, func_sig, predeclared, ptr_to, struct_of, with_methods};
    static T: OnceLock<RtTypes> = OnceLock::new();
    T.get_or_init(|| {
        let func_string = func_sig("func() string");
        let func_void = func_sig("func()");
        let methods = [("Error", func_string, gort_rterror_error as *const u8), ("RuntimeError", func_void, rt_error_runtime_error as *const u8)];
        let string = predeclared(Kind::String);
        let msg_struct = |name: &str| struct_of(Some(name), &[("msg", string)]);
        RtTypes {
            func_string,
            func_void,
            classes: [
                with_methods(msg_struct("runtime.boundsError"), &methods),
                with_methods(basic(Kind::String, "runtime.errorString"), &methods),
                with_methods(basic(Kind::String, "runtime.plainError"), &methods),
                with_methods(ptr_to(msg_struct("runtime.TypeAssertionError")), &methods),
                with_methods(ptr_to(msg_struct("runtime.PanicNilError")), &methods),
            ],
        }
    })
}

/// The runtime facade's descriptors of the runtime error types (null: not registered, the
/// program has no facade), indexed by [`RtErrClass`]. The facade's types have the layouts of
/// [`RtErr`]: a struct or named string holding the message, or a pointer to such a struct.
static REGISTERED: [AtomicPtr<Type>; RtErrClass::COUNT] = [const { AtomicPtr::new(std::ptr::null_mut()) }; RtErrClass::COUNT];

/// `runtime.registerErrorTypes(bounds, errString, plain, typeAssertion, panicNil any)`: the facade's
/// `init` hands over the dynamic types of one value of each of its error types
/// (runtime/go/runtime/error.go), so the runtime's error values have the compiler's descriptors
/// (one descriptor per type: `errors.As(err, &runtimeErr)`, type switches and `%T` agree).
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
pub extern "C" fn gort_register_error_types(
    bounds: *const Type,
    _d0: usize,
    err_string: *const Type,
    _d1: usize,
    plain: *const Type,
    _d2: usize,
    type_assertion: *const Type,
    _d3: usize,
    panic_nil: *const Type,
    _d4: usize,
) {
    for (slot, typ) in REGISTERED.iter().zip([bounds, err_string, plain, type_assertion, panic_nil]) {
        slot.store(typ as *mut Type, Ordering::Release);
    }
}

/// The descriptor of runtime errors of `class`: the facade's when registered, else the runtime's.
fn class_type(class: RtErrClass) -> &'static Type {
    let r = REGISTERED[class as usize].load(Ordering::Acquire);
    // SAFETY: registered descriptors are the compiler's, never freed.
    if r.is_null() { rt_types().classes[class as usize] } else { unsafe { &*r } }
}

/// The runtime's `func() string` descriptor (the signature of its Error methods).
pub fn func_string_type() -> &'static Type {
    rt_types().func_string
}

/// The runtime's `func()` descriptor (the signature of its RuntimeError methods).
pub fn func_void_type() -> &'static Type {
    rt_types().func_void
}

/// `Error()` of every runtime error type: Go calling convention `(ctx, recv) -> (ptr, len)`
/// through the `tail` shim [`gort_rterror_error`] (two results: see [`crate::tail_ret2_shim`]).
extern "C" fn rt_error_error(_ctx: usize, recv: *const RtErr) -> GoString {
    // SAFETY: recv is the data word of one of the runtime's error values.
    unsafe { (*recv).msg }
}

crate::tail_ret2_shim!(gort_rterror_error => rt_error_error);

extern "C" fn rt_error_runtime_error(_ctx: usize, _recv: usize) {}

/// Which runtime error type a message belongs to (gc's spelling of `%T`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RtErrClass {
    /// `runtime.boundsError`: index and slice bounds.
    Bounds,
    /// `runtime.errorString`: divide by zero, nil dereference (the message includes the
    /// `runtime error: ` prefix; Error() returns it as is).
    ErrorString,
    /// `runtime.plainError`: `assignment to entry in nil map` (Error() is the message as is).
    Plain,
    /// `*runtime.TypeAssertionError`: `interface conversion: ...` (message as is).
    TypeAssertion,
    /// `*runtime.PanicNilError` (`panic(nil)`).
    PanicNil,
}

impl RtErrClass {
    const COUNT: usize = 5;
    const ALL: [RtErrClass; RtErrClass::COUNT] =
        [RtErrClass::Bounds, RtErrClass::ErrorString, RtErrClass::Plain, RtErrClass::TypeAssertion, RtErrClass::PanicNil];
}

/// A runtime error value of `class` whose `Error()` is exactly `msg`.
pub fn runtime_error_value(class: RtErrClass, msg: &str) -> Eface {
    let typ = class_type(class);
    let data = Box::into_raw(Box::new(RtErr { msg: GoString::from_static(Box::leak(msg.as_bytes().to_vec().into_boxed_slice())) }));
    Eface { typ, data: data as *mut u8 }
}

/// Whether `typ` is one of the runtime's error types (they implement `runtime.Error`).
pub fn is_runtime_error_type(typ: *const Type) -> bool {
    RtErrClass::ALL.iter().any(|&c| std::ptr::eq(class_type(c), typ))
}

/// `panic(nil)` panics with a `*runtime.PanicNilError` since Go 1.21 (Go 1.19 used a nil value);
/// its `Error()` is "runtime error: panic called with nil argument" (runtime/panic.go, Go 1.27).
fn panic_nil_error() -> Eface {
    runtime_error_value(RtErrClass::PanicNil, "runtime error: panic called with nil argument")
}

/// Raises a runtime-error panic from Rust runtime code (see [`throw`]). The class follows from the
/// message: `interface conversion: ...` is a `*runtime.TypeAssertionError`, `runtime error: index
/// out of range`/`slice bounds` a `runtime.boundsError`, other `runtime error: ...` a
/// `runtime.errorString`, anything else a `runtime.plainError`. Callers hold nothing with `Drop`.
#[inline(never)]
pub fn throw_runtime_error(msg: &str) -> ! {
    let class = if msg.starts_with("interface conversion") {
        RtErrClass::TypeAssertion
    } else if msg.starts_with("runtime error: index out of range") || msg.starts_with("runtime error: slice bounds") {
        RtErrClass::Bounds
    } else if msg.starts_with("runtime error: ") {
        RtErrClass::ErrorString
    } else {
        RtErrClass::Plain
    };
    let nil_deref = msg.ends_with("nil pointer dereference");
    let v = runtime_error_value(class, msg);
    throw_inner(v, nil_deref)
}

/// Raises a runtime error at the JIT frame `(fp, pc)` that called a `gort_panic_*` entry point.
///
/// # Safety
/// `(fp, pc)` is that live JIT frame (as passed by the entry shim).
#[inline(never)]
unsafe fn raise_at(fp: usize, pc: usize, class: RtErrClass, msg: &str, nil_deref: bool) -> ! {
    let v = runtime_error_value(class, msg);
    // SAFETY: forwarded.
    unsafe { gopanic(v, fp, pc, nil_deref) }
}

/// gc's bounds-check failure codes (`runtime.boundsErrorCode`), the first argument of
/// [`gort_panic_bounds`].
pub mod bounds {
    /// `s[x]`, `0 <= x < len(s)` failed: `index out of range [x] with length y`.
    pub const INDEX: i64 = 0;
    /// `s[?:x]`, `0 <= x <= len(s)` (strings, arrays): `slice bounds out of range [:x] with length y`.
    pub const SLICE_ALEN: i64 = 1;
    /// `s[?:x]`, `0 <= x <= cap(s)` (slices): `slice bounds out of range [:x] with capacity y`.
    pub const SLICE_ACAP: i64 = 2;
    /// `s[x:y]`, `0 <= x <= y` failed: `slice bounds out of range [x:y]`.
    pub const SLICE_B: i64 = 3;
    /// `s[?:?:x]` vs len: `slice bounds out of range [::x] with length y`.
    pub const SLICE3_ALEN: i64 = 4;
    /// `s[?:?:x]` vs cap: `slice bounds out of range [::x] with capacity y`.
    pub const SLICE3_ACAP: i64 = 5;
    /// `s[?:x:y]`, `0 <= x <= y`: `slice bounds out of range [:x:y]`.
    pub const SLICE3_B: i64 = 6;
    /// `s[x:y:?]`, `0 <= x <= y`: `slice bounds out of range [x:y:]`.
    pub const SLICE3_C: i64 = 7;
    /// slice to array conversion: `cannot convert slice with length x to array or pointer to array with length y`.
    pub const CONVERT: i64 = 8;
    /// Or'ed into a code: `x` has an unsigned type (gc's `panicIndexU`, `panicSliceBU`, ...), so
    /// it is printed as a uint64 and never in the negative short form.
    pub const UNSIGNED: i64 = 0x100;
}

/// gc's message for a bounds failure (`runtime.boundsError.Error`); `x` is the offending value as a
/// signed integer (a negative `x` uses gc's short forms, e.g. `index out of range [-1]`) unless
/// the code has [`bounds::UNSIGNED`] (then it is printed as a uint64).
pub fn bounds_message(code: i64, x: i64, y: i64) -> String {
    let unsigned = code & bounds::UNSIGNED != 0;
    let code = code & !bounds::UNSIGNED;
    let neg = !unsigned && x < 0;
    let x: i128 = if unsigned { x as u64 as i128 } else { x as i128 };
    let body = match (code, neg) {
        (bounds::INDEX, false) => format!("index out of range [{x}] with length {y}"),
        (bounds::INDEX, true) => format!("index out of range [{x}]"),
        (bounds::SLICE_ALEN, false) => format!("slice bounds out of range [:{x}] with length {y}"),
        (bounds::SLICE_ACAP, false) => format!("slice bounds out of range [:{x}] with capacity {y}"),
        (bounds::SLICE_ALEN | bounds::SLICE_ACAP, true) => format!("slice bounds out of range [:{x}]"),
        (bounds::SLICE_B, false) => format!("slice bounds out of range [{x}:{y}]"),
        (bounds::SLICE_B, true) => format!("slice bounds out of range [{x}:]"),
        (bounds::SLICE3_ALEN, false) => format!("slice bounds out of range [::{x}] with length {y}"),
        (bounds::SLICE3_ACAP, false) => format!("slice bounds out of range [::{x}] with capacity {y}"),
        (bounds::SLICE3_ALEN | bounds::SLICE3_ACAP, true) => format!("slice bounds out of range [::{x}]"),
        (bounds::SLICE3_B, false) => format!("slice bounds out of range [:{x}:{y}]"),
        (bounds::SLICE3_B, true) => format!("slice bounds out of range [:{x}:]"),
        (bounds::SLICE3_C, false) => format!("slice bounds out of range [{x}:{y}:]"),
        (bounds::SLICE3_C, true) => format!("slice bounds out of range [{x}::]"),
        (_, _) => format!("cannot convert slice with length {x} to array or pointer to array with length {y}"),
    };
    format!("runtime error: {body}")
}

crate::jit_entry! {
    /// Bounds-check failure (codes in [`bounds`]). `tail` convention, never returns.
    pub fn gort_panic_bounds(code: i64, x: i64, y: i64) -> ! => panic_bounds_entry;
}

extern "C" fn panic_bounds_entry(code: i64, x: i64, y: i64, fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_bounds(code, x, y, fp, pc) }
}

crate::jit_entry! {
    /// `s[i]` out of range: `index out of range [i] with length len`. `tail`, never returns.
    pub fn gort_panic_index(i: i64, len: i64) -> ! => panic_index_entry;
}

extern "C" fn panic_index_entry(i: i64, len: i64, fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_bounds(bounds::INDEX, i, len, fp, pc) }
}

crate::jit_entry! {
    /// `s[?:x]` with `x > len` (strings, arrays): `gort_panic_bounds(SLICE_ALEN, x, len)`.
    pub fn gort_panic_slice_alen(x: i64, len: i64) -> ! => panic_slice_alen_entry;
}

extern "C" fn panic_slice_alen_entry(x: i64, len: i64, fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_bounds(bounds::SLICE_ALEN, x, len, fp, pc) }
}

crate::jit_entry! {
    /// `s[?:x]` with `x > cap` (slices): `gort_panic_bounds(SLICE_ACAP, x, cap)`.
    pub fn gort_panic_slice_acap(x: i64, cap: i64) -> ! => panic_slice_acap_entry;
}

extern "C" fn panic_slice_acap_entry(x: i64, cap: i64, fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_bounds(bounds::SLICE_ACAP, x, cap, fp, pc) }
}

crate::jit_entry! {
    /// `s[x:y]` with `x > y`: `gort_panic_bounds(SLICE_B, x, y)`.
    pub fn gort_panic_slice_b(x: i64, y: i64) -> ! => panic_slice_b_entry;
}

extern "C" fn panic_slice_b_entry(x: i64, y: i64, fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_bounds(bounds::SLICE_B, x, y, fp, pc) }
}

/// # Safety
/// `(fp, pc)` is the live JIT frame that failed the bounds check.
#[inline(never)]
unsafe fn raise_bounds(code: i64, x: i64, y: i64, fp: usize, pc: usize) -> ! {
    let msg = bounds_message(code, x, y);
    let v = runtime_error_value(RtErrClass::Bounds, &msg);
    drop(msg);
    // SAFETY: forwarded.
    unsafe { gopanic(v, fp, pc, false) }
}

crate::jit_entry! {
    /// A range-over-func loop's state check failed (gc's `runtime.panicrangestate`, codes of
    /// `internal/abi.RF_State`): the iterator called the loop body again after it returned false
    /// (`RF_DONE` = 0), after it panicked (`RF_PANIC` = 2), after the whole loop exited
    /// (`RF_EXHAUSTED` = 3), or swallowed a panic of the body (`RF_MISSING_PANIC` = 4). `tail`, never returns.
    pub fn gort_panicrangestate(state: i64) -> ! => panicrangestate_entry;
}

extern "C" fn panicrangestate_entry(state: i64, fp: usize, pc: usize) -> ! {
    let msg = match state {
        0 => "runtime error: range function continued iteration after function for loop body returned false",
        2 => "runtime error: range function continued iteration after loop body panic",
        3 => "runtime error: range function continued iteration after whole loop exit",
        4 => "runtime error: range function recovered a loop body panic and did not resume panicking",
        _ => fatal("unexpected state passed to panicrangestate"),
    };
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::ErrorString, msg, false) }
}

crate::jit_entry! {
    /// Integer division by zero. `tail`, never returns.
    pub fn gort_panic_divide() -> ! => panic_divide_entry;
}

extern "C" fn panic_divide_entry(fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::ErrorString, "runtime error: integer divide by zero", false) }
}

crate::jit_entry! {
    /// `x << y` / `x >> y` with a negative signed shift count. `tail`, never returns.
    pub fn gort_panic_shift() -> ! => panic_shift_entry;
}

extern "C" fn panic_shift_entry(fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::ErrorString, "runtime error: negative shift amount", false) }
}

crate::jit_entry! {
    /// Nil pointer dereference (also: calling a nil func value, and a fault on a nil address in
    /// JIT code, which the fault handler turns into a call of this from the faulting pc). `tail`,
    /// never returns. Also bound under the name `gort_panic_nil`.
    pub fn gort_panic_nilderef() -> ! => panic_nilderef_entry;
}

extern "C" fn panic_nilderef_entry(fp: usize, pc: usize) -> ! {
    let msg = "runtime error: invalid memory address or nil pointer dereference";
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::ErrorString, msg, true) }
}

crate::jit_entry! {
    /// A value method called through a nil pointer by the compiler-generated `*T` wrapper (gc's
    /// `runtime.panicwrap`): a `runtime.plainError` `value method main.T.M called using nil *T
    /// pointer`; `msg`/`len` is that message (static data). `tail`, never returns.
    pub fn gort_panicwrap(msg: *const u8, len: usize) -> ! => panicwrap_entry;
}

extern "C" fn panicwrap_entry(msg: *const u8, len: usize, fp: usize, pc: usize) -> ! {
    // SAFETY: the compiler passes a static UTF-8 message (its leaked string constant) of `len`
    // bytes that lives as long as the program.
    let text = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(msg, len)) };
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::Plain, text, false) }
}

crate::jit_entry! {
    /// `unsafe.Slice(ptr, len)`'s checks (gc's `unsafeslice`): a negative length, or one whose
    /// `len * elem_size` bytes run past the end of the address space, panics. `tail`; returns
    /// normally when the arguments are valid.
    pub fn gort_unsafeslice(elem_size: usize, ptr: usize, len: isize) => unsafeslice_entry;
}

extern "C" fn unsafeslice_entry(elem_size: usize, ptr: usize, len: isize, fp: usize, pc: usize) {
    const LEN: &str = "runtime error: unsafe.Slice: len out of range";
    const NIL: &str = "runtime error: unsafe.Slice: ptr is nil and len is not zero";
    let bad = if len < 0 {
        Some(LEN)
    } else if elem_size == 0 {
        (ptr == 0 && len > 0).then_some(NIL)
    } else {
        match elem_size.checked_mul(len as usize) {
            Some(mem) if mem <= ptr.wrapping_neg() || (ptr == 0 && mem == 0) => None,
            _ if ptr == 0 => Some(NIL),
            _ => Some(LEN),
        }
    };
    if let Some(msg) = bad {
        // SAFETY: the entry shim passes the live JIT caller.
        unsafe { raise_at(fp, pc, RtErrClass::ErrorString, msg, false) }
    }
}

crate::jit_entry! {
    /// `unsafe.String(ptr, len)`'s checks (gc's `unsafestring`). `tail`; returns normally when
    /// the arguments are valid.
    pub fn gort_unsafestring(ptr: usize, len: isize) => unsafestring_entry;
}

extern "C" fn unsafestring_entry(ptr: usize, len: isize, fp: usize, pc: usize) {
    const LEN: &str = "runtime error: unsafe.String: len out of range";
    const NIL: &str = "runtime error: unsafe.String: ptr is nil and len is not zero";
    let bad = if len < 0 {
        Some(LEN)
    } else if (len as usize) > ptr.wrapping_neg() && !(ptr == 0 && len == 0) {
        Some(if ptr == 0 { NIL } else { LEN })
    } else {
        None
    };
    if let Some(msg) = bad {
        // SAFETY: the entry shim passes the live JIT caller.
        unsafe { raise_at(fp, pc, RtErrClass::ErrorString, msg, false) }
    }
}

crate::jit_entry! {
    /// Assignment to an entry of a nil map. `tail`, never returns.
    pub fn gort_panic_nilmap() -> ! => panic_nilmap_entry;
}

extern "C" fn panic_nilmap_entry(fp: usize, pc: usize) -> ! {
    // SAFETY: the entry shim passes the live JIT caller.
    unsafe { raise_at(fp, pc, RtErrClass::Plain, "assignment to entry in nil map", false) }
}

// ---------------------------------------------------------------------------------------------
// Printing panic values and the crash report
// ---------------------------------------------------------------------------------------------

/// Finds a `func() string` method by name in `typ`'s method set.
fn find_string_method(typ: &Type, name: &str) -> Option<usize> {
    typ.methods().iter().find_map(|m| {
        let sig_ok = m.mtyp == 0 || typ.type_off(m.mtyp).string() == b"func() string";
        (typ.name_off(m.name).name() == name.as_bytes() && sig_ok).then_some(typ.text_off(m.ifn) as usize)
    })
}

/// gc's `printpanicval` after `preprintpanics`: errors print `Error()`, Stringers `String()`,
/// basic values as `print` would, named basic types as `main.T(v)`, others `(T) 0xADDR`.
///
/// With `call_methods == false` (tracing) no Go code runs: methods are not called.
pub(crate) fn describe_value(v: Eface, call_methods: bool) -> String {
    if v.typ.is_null() {
        return "nil".into();
    }
    // SAFETY: a non-nil interface's type descriptor is valid.
    let typ = unsafe { &*v.typ };
    if is_runtime_error_type(typ) {
        // SAFETY: the runtime's error values point to an RtErr.
        return unsafe { String::from_utf8_lossy((*(v.data as *const RtErr)).msg.as_bytes()).into_owned() };
    }
    if call_methods {
        match call_text_method(v) {
            Some(Ok(text)) => return indented(text),
            Some(Err(_)) => {
                let name = if find_string_method(typ, "Error").is_some() { "Error" } else { "String" };
                return format!("({}) {:#x} [{name} method panicked]", type_name(typ), v.data as usize);
            }
            None => {}
        }
    }
    let tn = type_name(typ);
    let basic = !tn.contains('.');
    let word = v.data as usize;
    let val = if typ.is_direct_iface() { None } else { Some(v.data as *const u8) };
    // SAFETY: for non-direct types the data word points to a value of the type.
    let s = unsafe {
        match (typ.kind(), val) {
            (Kind::Bool, Some(p)) => format!("{}", *p != 0),
            (Kind::Int | Kind::Int64, Some(p)) => format!("{}", *(p as *const i64)),
            (Kind::Int32, Some(p)) => format!("{}", *(p as *const i32)),
            (Kind::Int16, Some(p)) => format!("{}", *(p as *const i16)),
            (Kind::Int8, Some(p)) => format!("{}", *(p as *const i8)),
            (Kind::Uint | Kind::Uint64 | Kind::Uintptr, Some(p)) => format!("{}", *(p as *const u64)),
            (Kind::Uint32, Some(p)) => format!("{}", *(p as *const u32)),
            (Kind::Uint16, Some(p)) => format!("{}", *(p as *const u16)),
            (Kind::Uint8, Some(p)) => format!("{}", *p),
            (Kind::Float64, Some(p)) => go_print_float(*(p as *const f64), 64),
            (Kind::Float32, Some(p)) => go_print_float(*(p as *const f32) as f64, 32),
            (Kind::Complex128, Some(p)) => {
                let c = *(p as *const [f64; 2]);
                String::from_utf8_lossy(&crate::print::format_complex(c[0], c[1], 64)).into_owned()
            }
            (Kind::Complex64, Some(p)) => {
                let c = *(p as *const [f32; 2]);
                String::from_utf8_lossy(&crate::print::format_complex(c[0] as f64, c[1] as f64, 32)).into_owned()
            }
            (Kind::String, Some(p)) => {
                let s = (*(p as *const GoString)).as_bytes();
                let s = indented(String::from_utf8_lossy(s).into_owned());
                if basic {
                    return s;
                }
                return format!("{tn}(\"{s}\")");
            }
            _ => return format!("({tn}) {word:#x}"),
        }
    };
    if basic { s } else { format!("{tn}({s})") }
}

/// gc's preprintpanics conversion of one panic value: the result of its `Error()` method, else
/// of its `String()` method (`None`: it has neither, or it is one of the runtime's own errors,
/// whose message needs no Go call). `Some(Err(v))`: the method panicked with `v` (caught by the
/// method trampoline).
fn call_text_method(v: Eface) -> Option<Result<String, Eface>> {
    if v.typ.is_null() {
        return None;
    }
    // SAFETY: a non-nil interface's type descriptor is valid.
    let typ = unsafe { &*v.typ };
    if is_runtime_error_type(typ) {
        return None;
    }
    let ifn = find_string_method(typ, "Error").or_else(|| find_string_method(typ, "String"))?;
    // SAFETY: ifn is a Go method entry of type func() string for this receiver.
    Some(match unsafe { trampoline::call_method2(ifn, v.data as usize) } {
        // SAFETY: the result is a Go string.
        Ok([p, n]) => Ok(unsafe { String::from_utf8_lossy(GoString { ptr: p as *const u8, len: n as isize }.as_bytes()).into_owned() }),
        Err(()) => Err(take_method_panic().unwrap_or(Eface { typ: std::ptr::null(), data: std::ptr::null_mut() })),
    })
}

/// gc's `preprintpanics`: before the crash report, every panic value of the chain (newest first,
/// a repanicked value once) with an `Error` or `String` method is replaced by that method's
/// result, so each method runs once and in gc's order. `texts[i]` is the text of `chain[i]`
/// (`None`: printed by [`describe_value`] without calling Go code). A method that panics ends the
/// process as gc's `throw`: the `Err` is the message, `panic while printing panic value: V` for a
/// string value V, `...: type T` for any other.
fn preprint_panics(chain: &[*mut Panic]) -> Result<Vec<Option<String>>, String> {
    let mut texts = vec![None; chain.len()];
    let mut i = 0;
    while i < chain.len() {
        // SAFETY: live records.
        let arg = unsafe { (*chain[i]).arg };
        if let Some(&older) = chain.get(i + 1) {
            // SAFETY: live record.
            let oarg = unsafe { (*older).arg };
            if oarg.typ == arg.typ && oarg.data == arg.data {
                i += 1;
                continue;
            }
        }
        match call_text_method(arg) {
            Some(Ok(t)) => texts[i] = Some(t),
            Some(Err(r)) => {
                let text = "panic while printing panic value";
                if r.typ.is_null() {
                    // gc: a nil recover() is "nothing to do" (not reachable: panic(nil) is a
                    // *runtime.PanicNilError).
                // SAFETY: a non-nil type word is a valid descriptor.
                } else if unsafe { (*r.typ).kind() == Kind::String && (*r.typ).string() == b"string" } {
                    // SAFETY: a string panic value points to its string header.
                    let v = unsafe { String::from_utf8_lossy((*(r.data as *const GoString)).as_bytes()).into_owned() };
                    return Err(format!("{text}: {v}"));
                } else {
                    // SAFETY: a non-nil type word is a valid descriptor.
                    return Err(format!("{text}: type {}", type_name(unsafe { &*r.typ })));
                }
            }
            None => {}
        }
        i += 1;
    }
    Ok(texts)
}

/// A panic value for the trace, printed like the crash report does (`Error()`/`String()` called
/// through the method trampoline, which catches their panics). While such a method runs, values
/// of panics raised inside it are described without calling methods (`(T) 0xADDR`), so a method
/// that panics with its own type cannot recurse.
fn describe_for_trace(v: Eface) -> String {
    if g().describing {
        return describe_value(v, false);
    }
    g().describing = true;
    let s = describe_value(v, true);
    g().describing = false;
    s
}

/// gc's runtime `printfloat64`/`printfloat32` (shortest `'g'` form), shared with the `print`
/// builtins.
pub fn go_print_float(v: f64, bits: u32) -> String {
    String::from_utf8_lossy(&crate::print::format_float(v, bits)).into_owned()
}

/// gc's `printindented`: a panic value's string with every newline followed by a tab.
fn indented(s: String) -> String {
    if s.contains('\n') { s.replace('\n', "\n\t") } else { s }
}

fn type_name(t: &Type) -> String {
    t.string_lossy()
}


/// The panic list headed by `p`, newest first.
fn panic_chain(p: *mut Panic) -> Vec<*mut Panic> {
    let mut chain = vec![];
    let mut q = p;
    while !q.is_null() {
        chain.push(q);
        // SAFETY: live records.
        q = unsafe { (*q).link };
    }
    chain
}

/// The crash report text for the panic list `chain` headed by `p` (gc's `printpanics` +
/// traceback), with the values' texts from [`preprint_panics`].
fn crash_report(p: *mut Panic, chain: &[*mut Panic], texts: &[Option<String>]) -> String {
    // gc's preprintpanics: a panic whose next newer one carries the identical interface value
    // (same type word and data word: `panic(recover())`) is marked repanicked; printpanics then
    // prints it once, as `panic: V [recovered, repanicked]` when it was recovered, and skips the
    // newer record.
    let mut repanicked = vec![false; chain.len()];
    for j in 1..chain.len() {
        // SAFETY: live records.
        let (newer, older) = unsafe { ((*chain[j - 1]).arg, (*chain[j]).arg) };
        if newer.typ == older.typ && newer.data == older.data {
            repanicked[j] = true;
        }
    }
    let mut s = String::new();
    // Oldest first, as gc's recursive printpanics prints them.
    for i in (0..chain.len()).rev() {
        let q = chain[i];
        // SAFETY: live records.
        let (arg, recovered, nil_deref, start_pc) = unsafe { ((*q).arg, (*q).recovered, (*q).nil_deref, (*q).start_pc) };
        if let Some(&older) = chain.get(i + 1) {
            if repanicked[i + 1] {
                continue;
            }
            // SAFETY: live record.
            if !unsafe { (*older).goexit } {
                s.push('\t');
            }
        }
        // SAFETY: live record. gc's printpanics skips Goexit records.
        if unsafe { (*q).goexit } {
            continue;
        }
        s.push_str("panic: ");
        match &texts[i] {
            Some(t) => s.push_str(&indented(t.clone())),
            None => s.push_str(&describe_value(arg, false)),
        }
        if recovered && repanicked[i] {
            s.push_str(" [recovered, repanicked]");
        } else if recovered {
            s.push_str(" [recovered]");
        }
        s.push('\n');
        if nil_deref {
            s.push_str(&format!("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc={start_pc:#x}]\n"));
        }
    }
    // gc's dopanic_m: the tracebacks only from GOTRACEBACK level 1 up, the other goroutines'
    // with `all`.
    let tb = crate::gotraceback::setting();
    if tb.level == 0 {
        return s;
    }
    s.push('\n');
    // SAFETY: p is live.
    let (fp, pc) = unsafe { ((*p).start_fp, (*p).start_pc) };
    unwind::traceback(&mut s, fp, pc, 100);
    crate::sched::proc::append_created_by(&mut s, crate::sched::proc::current());
    if tb.all {
        crate::sched::proc::append_other_goroutines(&mut s);
    }
    s
}

/// The panic reached the entry trampoline: print the report and end main with status 2.
fn crash(p: *mut Panic) -> ! {
    if tracing() {
        trace(format_args!("unrecovered: crash report, exit status 2"));
    }
    print_crash(p);
    if crate::gotraceback::setting().crash {
        crate::gotraceback::crash();
    }
    exit_goroutine(2)
}

#[inline(never)]
fn print_crash(p: *mut Panic) {
    let chain = panic_chain(p);
    let s = match preprint_panics(&chain) {
        Ok(texts) => crash_report(p, &chain, &texts),
        Err(msg) => {
            // gc's throw from preprintpanics: the fatal error, then the goroutine's traceback.
            let mut s = format!("fatal error: {msg}\n\n");
            // SAFETY: p is live.
            let (fp, pc) = unsafe { ((*p).start_fp, (*p).start_pc) };
            unwind::traceback(&mut s, fp, pc, 100);
            crate::sched::proc::append_created_by(&mut s, crate::sched::proc::current());
            s
        }
    };
    write_stderr(&s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_gc() {
        // Go 1.27.3: panic(1.5), panic(-0.001), panic(0.0), panic(1e100), panic(float32(-0.25))
        assert_eq!(go_print_float(1.5, 64), "1.5");
        assert_eq!(go_print_float(-0.001, 64), "-0.001");
        assert_eq!(go_print_float(0.0, 64), "0");
        assert_eq!(go_print_float(1e100, 64), "1e+100");
        assert_eq!(go_print_float(f64::NAN, 64), "NaN");
        assert_eq!(go_print_float(-0.25, 32), "-0.25");
    }

    #[test]
    fn bounds_messages() {
        assert_eq!(bounds_message(bounds::INDEX, 5, 3), "runtime error: index out of range [5] with length 3");
        assert_eq!(bounds_message(bounds::INDEX, -1, 3), "runtime error: index out of range [-1]");
        assert_eq!(bounds_message(bounds::SLICE_ACAP, 5, 3), "runtime error: slice bounds out of range [:5] with capacity 3");
        assert_eq!(bounds_message(bounds::SLICE_ALEN, 5, 3), "runtime error: slice bounds out of range [:5] with length 3");
        assert_eq!(bounds_message(bounds::SLICE_B, 5, 3), "runtime error: slice bounds out of range [5:3]");
        assert_eq!(
            bounds_message(bounds::INDEX | bounds::UNSIGNED, -1, 3),
            "runtime error: index out of range [18446744073709551615] with length 3"
        );
        assert_eq!(bounds_message(bounds::SLICE_B | bounds::UNSIGNED, -2, 3), "runtime error: slice bounds out of range [18446744073709551614:3]");
    }
}
