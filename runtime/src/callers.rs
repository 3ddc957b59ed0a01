//! The runtime facade's stack and symbol queries (`runtime.Callers`, `runtime.Caller`,
//! `runtime.FuncForPC`, `(*runtime.Func).Name/FileLine`, `runtime.CallersFrames`): program
//! counters of the goroutine's JIT frames, and the function table's answers for them.
//!
//! The walk is the traceback's (`unwind`): the frame-pointer chain of JIT frames, from a
//! deferred call's trampoline on to the frame that raised the panic running it, ending at the
//! entry or a method trampoline. Each frame contributes its return address (the pc just past its
//! call, gc's convention for `Callers`: `CallersFrames` backs up one byte to find the call's
//! line). Wrapper frames are left out, as gc's `tracebackPCs` elides them. The defer trampoline
//! running a panic's deferred call is reported as gc's `runtime.gopanic` frame (file
//! `<gojit>/runtime/panic.go`, line 0); gc's `runtime.main` and `runtime.goexit` frames have no
//! gojit counterpart and are not reported.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::arch;
use crate::funcdata::{self, FuncKind};

crate::jit_entry! {
    /// `runtime.callers(skip int, pcbuf []uintptr) int`: fills `pcbuf` with the return pcs of the
    /// goroutine's frames, skipping `skip` frames after the facade's `callers` itself (its caller,
    /// `runtime.Callers` or `runtime.Caller`, is frame 0, as in gc), and returns how many it
    /// wrote. Called only from the hook body of `runtime.callers` (its JIT caller).
    pub fn gort_callers(skip: usize, buf: *mut usize, len: usize, cap: usize) -> usize => callers_entry;
}

extern "C" fn callers_entry(skip: usize, buf: *mut usize, len: usize, _cap: usize, fp: usize, pc: usize) -> usize {
    let mut n = 0;
    // the first frame is the hook body of `runtime.callers`
    let mut to_skip = skip as isize + 1;
    walk(fp, pc, |ret| {
        if n >= len {
            return false;
        }
        if to_skip > 0 {
            to_skip -= 1;
            return true;
        }
        // SAFETY: buf is a Go slice's array with len >= n + 1 elements (checked above).
        unsafe { buf.add(n).write(ret) };
        n += 1;
        true
    });
    n
}

/// Calls `visit(return pc)` for each reported frame from `(fp, pc)` outwards until it returns false.
/// A body the compiler emitted inline (an inlined call, a deferred func literal at an exit) is a
/// frame of its own, as in gc: its frame's return pc, then the virtual pc of each enclosing
/// frame of its chain (see `funcdata::PcFrame`).
fn walk(mut fp: usize, mut pc: usize, mut visit: impl FnMut(usize) -> bool) {
    for _ in 0..1_000_000 {
        match funcdata::lookup(pc) {
            Some((_, f)) => match f.kind {
                FuncKind::EntryTrampoline | FuncKind::MethodTrampoline => return,
                FuncKind::Go if f.is_wrapper => {}
                FuncKind::Go => {
                    if !visit(pc) {
                        return;
                    }
                    // the pc is a return address: its call is the byte before
                    let mut outer = funcdata::frame_at(pc - 1).map_or(0, |fr| fr.outer);
                    while outer != 0 {
                        if !visit(outer) {
                            return;
                        }
                        outer = funcdata::frame_at(outer).map_or(0, |fr| fr.outer);
                    }
                }
                FuncKind::DeferTrampoline => {
                    let Some(running) = crate::panic::panic_running_defer(fp) else { return };
                    // A panic's deferred call: the trampoline stands for gc's `runtime.gopanic`
                    // frame. Goexit's (no panic value) already has the `runtime.Goexit` frame.
                    if !running.arg.typ.is_null() && !visit(pc) {
                        return;
                    }
                    (fp, pc) = (running.start_fp, running.start_pc);
                    continue;
                }
            },
            None => {}
        }
        if fp == 0 || !crate::panic::on_goroutine_stack(fp) {
            return;
        }
        // SAFETY: fp lies inside the live goroutine stack (checked above).
        let (nfp, npc) = unsafe { arch::caller_of(fp) };
        if nfp <= fp || nfp - fp > (1 << 30) {
            return;
        }
        (fp, pc) = (nfp, npc);
    }
}

/// The frame `pc` names when it lies in a Go function or the defer trampoline (see
/// `funcdata::frame_at`; virtual pcs included).
fn go_frame_at(pc: usize) -> Option<funcdata::PcFrame> {
    funcdata::frame_at(pc).filter(|fr| matches!(fr.func.kind, FuncKind::Go | FuncKind::DeferTrampoline))
}

/// `runtime.funcEntry(pc uintptr) uintptr`: the entry pc of the Go function containing `pc`, a
/// virtual pc's that of the function holding the inlined body (0: none, as `FuncForPC` returns
/// nil then).
#[unsafe(no_mangle)]
pub extern "C" fn gort_funcentry(pc: usize) -> usize {
    go_frame_at(pc).map_or(0, |fr| fr.func.start)
}

/// `runtime.funcInlined(pc uintptr) bool`: `pc` lies in a call gc inlines too (its frame has no
/// `Func` in `CallersFrames`, and `FuncForPC` answers for `pc` itself).
#[unsafe(no_mangle)]
pub extern "C" fn gort_funcinlined(pc: usize) -> bool {
    go_frame_at(pc).is_some_and(|fr| fr.inlined_call)
}

/// `runtime.funcOuter(pc uintptr) uintptr`: when `pc` lies in a body emitted inline, the virtual
/// return pc of its enclosing frame (what `runtime.Callers` reports next); else 0.
#[unsafe(no_mangle)]
pub extern "C" fn gort_funcouter(pc: usize) -> usize {
    go_frame_at(pc).map_or(0, |fr| fr.outer)
}

/// The name and file the defer trampoline answers with (gc's frame for it: `runtime.gopanic`).
const GOPANIC: &str = "runtime.gopanic";
const GOPANIC_FILE: &str = "<gojit>/runtime/panic.go";

/// Where gc's `runtime.gopanic` calls a deferred function (`$GOROOT/src/runtime/panic.go` and the
/// line of its `fn()`), when the compiler found it in GOROOT ([`set_gopanic_position`]).
static GOPANIC_POS: std::sync::OnceLock<(String, u32)> = std::sync::OnceLock::new();

/// Finds that position on first use from Go code (set by the driver; it may read GOROOT).
static GOPANIC_FINDER: std::sync::OnceLock<fn() -> Option<(String, u32)>> = std::sync::OnceLock::new();

/// Records the file and line the defer trampoline's frame (gc's `runtime.gopanic` running a
/// deferred call) reports in `runtime.Caller`, `CallersFrames` and tracebacks. Without it the
/// frame is `<gojit>/runtime/panic.go` at line 0 (no GOROOT was read).
pub fn set_gopanic_position(file: String, line: u32) {
    let _ = GOPANIC_POS.set((file, line));
}

/// How to find the position when it was not set up front (`runtime.Caller` on that frame).
pub fn set_gopanic_finder(f: fn() -> Option<(String, u32)>) {
    let _ = GOPANIC_FINDER.set(f);
}

/// The file and line of the defer trampoline's frame (see [`set_gopanic_position`]); `find`:
/// may run the finder (only from Go code, never while printing a crash).
pub fn gopanic_position(find: bool) -> (&'static str, u32) {
    if find && GOPANIC_POS.get().is_none()
        && let Some(pos) = GOPANIC_FINDER.get().and_then(|f| f())
    {
        let _ = GOPANIC_POS.set(pos);
    }
    GOPANIC_POS.get().map_or((GOPANIC_FILE, 0), |(f, l)| (f.as_str(), *l))
}

/// Function names as gc prints them (`main.Map[...]`), by the address of the name in its table's
/// pool: static strings (the function table is never freed, nor are these).
static NAMES: Mutex<Option<HashMap<usize, &'static str>>> = Mutex::new(None);

/// `runtime.funcName(pc uintptr) string`, in two 8-byte slots of `out` (pointer, length): the
/// name, as gc's `Func.Name` gives it, of the frame `pc` names (its function's entry, a pc in it
/// or in a body emitted inline there, a virtual pc); "" for a pc in no Go function.
///
/// # Safety
/// `out` is writable for 2 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_funcname(pc: usize, out: *mut usize) {
    let name: &'static str = match go_frame_at(pc) {
        Some(fr) if fr.func.kind == FuncKind::DeferTrampoline => GOPANIC,
        Some(fr) => {
            let mut g = NAMES.lock().unwrap_or_else(|e| e.into_inner());
            g.get_or_insert_with(HashMap::new)
                .entry(fr.name.as_ptr() as usize)
                .or_insert_with(|| Box::leak(crate::unwind::name_for_print(fr.name).into_boxed_str()))
        }
        None => "",
    };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[usize; 2]>().write([name.as_ptr() as usize, name.len()]) };
}

/// `runtime.funcFileLine(entry, pc uintptr) (file string, line int)`, in three 8-byte slots of
/// `out`: the source file and line of `pc` in the function at `entry` (gc's `funcline1`: `pc`
/// as is, no backing up; a virtual pc's frame at the line of its call or exit); `("?", 0)` when
/// `pc` is not in that function, as gc's `FileLine`.
///
/// # Safety
/// `out` is writable for 3 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_funcfileline(entry: usize, pc: usize, out: *mut usize) {
    let (file, line): (&'static str, usize) = match go_frame_at(pc) {
        Some(fr) if fr.func.start != entry => ("?", 0),
        Some(fr) if fr.func.kind == FuncKind::DeferTrampoline => {
            let (file, line) = gopanic_position(true);
            (file, line as usize)
        }
        Some(fr) => {
            let file: &'static str = fr.file;
            if fr.func.is_wrapper && fr.line == 0 { ("<autogenerated>", 1) } else { (file, fr.line as usize) }
        }
        None => ("?", 0),
    };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[usize; 3]>().write([file.as_ptr() as usize, file.len(), line]) };
}

crate::jit_entry! {
    /// `runtime.stack(buf []byte, all bool) int`: gc's `runtime.Stack` text (the calling
    /// goroutine's traceback from `runtime.Stack`'s caller, `goroutine N [running]:` first; with
    /// `all`, every other goroutine's after it as in gc's `tracebackothers`), truncated to
    /// `len(buf)`; returns the bytes written. Called only from the hook body of `runtime.stack`,
    /// itself called only by `runtime.Stack`: both frames are skipped.
    pub fn gort_stack(buf: *mut u8, len: usize, cap: usize, all: bool) -> usize => stack_entry;
}

extern "C" fn stack_entry(buf: *mut u8, len: usize, _cap: usize, all: bool, fp: usize, pc: usize) -> usize {
    let (mut fp, mut pc) = (fp, pc);
    for _ in 0..2 {
        if !crate::panic::on_goroutine_stack(fp) {
            return 0;
        }
        // SAFETY: fp lies inside the live goroutine stack (checked above).
        (fp, pc) = unsafe { arch::caller_of(fp) };
    }
    let mut out = String::new();
    if all {
        // gc stops the world for `Stack(buf, true)`: every other goroutine is switched out and
        // shows its state and frames, never `running` on another thread. (False: another M
        // stopped it first and we waited for that; stop again.)
        while !crate::sched::stop_the_world() {}
        crate::sched::proc::append_all_goroutines(&mut out, fp, pc);
        crate::sched::start_the_world();
    } else {
        crate::sched::proc::append_running_traceback(&mut out, fp, pc);
        out.remove(0); // its leading newline (a fatal error report's separator)
    }
    let n = out.len().min(len);
    // SAFETY: buf is a Go slice's array of len bytes; n <= len.
    unsafe { std::ptr::copy_nonoverlapping(out.as_ptr(), buf, n) };
    n
}
