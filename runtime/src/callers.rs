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

/// `runtime.funcEntry(pc uintptr) uintptr`: the entry pc of the Go function containing `pc`
/// (0: none, as `FuncForPC` returns nil then).
#[unsafe(no_mangle)]
pub extern "C" fn gort_funcentry(pc: usize) -> usize {
    match funcdata::lookup(pc) {
        Some((_, f)) if matches!(f.kind, FuncKind::Go | FuncKind::DeferTrampoline) => f.start,
        _ => 0,
    }
}

/// The name and file the defer trampoline answers with (gc's frame for it: `runtime.gopanic`).
const GOPANIC: &str = "runtime.gopanic";
const GOPANIC_FILE: &str = "<gojit>/runtime/panic.go";

/// Function names as gc prints them (`main.Map[...]`), by entry pc: static strings (the function
/// table is never freed, nor are these).
static NAMES: Mutex<Option<HashMap<usize, &'static str>>> = Mutex::new(None);

/// `runtime.funcName(entry uintptr) string`, in two 8-byte slots of `out` (pointer, length):
/// the function's name as gc's `Func.Name` gives it; "" for a pc in no Go function.
///
/// # Safety
/// `out` is writable for 2 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_funcname(entry: usize, out: *mut usize) {
    let name: &'static str = match funcdata::lookup(entry) {
        Some((_, f)) if f.kind == FuncKind::DeferTrampoline => GOPANIC,
        Some((t, f)) if f.kind == FuncKind::Go => {
            let mut g = NAMES.lock().unwrap_or_else(|e| e.into_inner());
            g.get_or_insert_with(HashMap::new).entry(f.start).or_insert_with(|| Box::leak(crate::unwind::name_for_print(t.name(f)).into_boxed_str()))
        }
        _ => "",
    };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[usize; 2]>().write([name.as_ptr() as usize, name.len()]) };
}

/// `runtime.funcFileLine(entry, pc uintptr) (file string, line int)`, in three 8-byte slots of
/// `out`: the source file and line of `pc` in the function at `entry` (gc's `funcline1`: `pc`
/// as is, no backing up); `("?", 0)` when `pc` is not in that function, as gc's `FileLine`.
///
/// # Safety
/// `out` is writable for 3 words.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gort_funcfileline(entry: usize, pc: usize, out: *mut usize) {
    let (file, line): (&'static str, usize) = match funcdata::lookup(pc) {
        Some((_, f)) if f.kind == FuncKind::DeferTrampoline && f.start == entry => (GOPANIC_FILE, 0),
        Some((t, f)) if f.kind == FuncKind::Go && f.start == entry => {
            let off = (pc - f.start) as u32;
            let line = t.line_at(f, off);
            let file: &'static str = t.file_of(f);
            if f.is_wrapper && line == 0 { ("<autogenerated>", 1) } else { (file, line as usize) }
        }
        _ => ("?", 0),
    };
    // SAFETY: the caller's contract.
    unsafe { out.cast::<[usize; 3]>().write([file.as_ptr() as usize, file.len(), line]) };
}
