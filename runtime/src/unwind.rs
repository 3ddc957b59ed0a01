//! Reading the goroutine's stack: describing pcs and printing gc-style tracebacks.
//!
//! Tracebacks follow the frame-pointer chain of JIT frames from the frame that raised the newest
//! panic up to the entry trampoline. JIT frames print as gc does (`main.f(...)` /
//! `\t/abs/prog.go:12 +0x1d`). The chain is never followed through runtime (Rust) frames, which
//! need not keep frame pointers: where the runtime ran a deferred call (the defer trampoline's
//! frame) the traceback prints gc's `panic(...)` marker line and continues at the frame that raised
//! the panic running that call, as recorded in its panic record; a method trampoline (fmt calling
//! `String()`) ends it. The walk also stops at the entry trampoline, at a frame pointer outside the
//! goroutine stack or not increasing, or after `max` frames.

use crate::arch;
use crate::funcdata::{self, FuncKind};
use std::fmt::Write;

/// `main.f+0x1d (prog.go:12)` for a return address in JIT code, else the raw address.
pub fn describe_pc(pc: usize) -> String {
    match funcdata::lookup(pc) {
        Some((t, f)) => format!("{}+{:#x} (line {})", t.name(f), pc - f.start, t.call_line(f, pc)),
        None => format!("{pc:#x}"),
    }
}

/// Appends gc's `goroutine 1 [running]:` traceback starting at frame `(fp, pc)` (pc: a return
/// address or fault pc inside that frame's function).
pub fn traceback(out: &mut String, fp: usize, pc: usize, max: usize) {
    let _ = writeln!(out, "goroutine {} [running]:", crate::sched::proc::current_goid());
    traceback_frames(out, fp, pc, max, true);
}

/// The frames of a traceback (see [`traceback`]) without the `goroutine N [...]:` header;
/// `innermost`: `pc` is the raising or faulting pc itself rather than a return address.
pub fn traceback_frames(out: &mut String, mut fp: usize, mut pc: usize, max: usize, mut innermost: bool) {
    let mut printed = 0;
    for _ in 0..100_000 {
        if printed >= max {
            out.push_str("...additional frames elided...\n");
            break;
        }
        match funcdata::lookup(pc) {
            Some((t, f)) => match f.kind {
                FuncKind::EntryTrampoline => break,
                // gc hides wrapper frames (`defer f(args)`'s deferwrap closures, method
                // wrappers) unless the wrapper itself raised the panic (traceback.go,
                // elideWrapperCalling: its callee is gopanic or sigpanic).
                FuncKind::Go if f.is_wrapper && !innermost => {}
                FuncKind::Go => {
                    let name = name_for_print(t.name(f));
                    let args = match t.arg_program(f) {
                        Some(prog) => format_args_of(prog, fp.wrapping_add_signed(f.args_off as isize)),
                        None if name == "main.main" || name == "main.init" => "()".to_string(),
                        None => "(...)".to_string(),
                    };
                    let off = (pc - f.start) as u32;
                    // Every pc here is just past its site: a return address, or a fault pc + 1.
                    let site = off.saturating_sub(1);
                    let mut line = t.line_at(f, site);
                    if let Some((lit, call_line)) = t.inlined_at(f, site) {
                        // A deferred func literal (no parameters) emitted inline at an exit: its own
                        // frame, then this function's at the exit that ran it, as gc prints them.
                        let _ = writeln!(out, "{lit}()\n\t{}:{line} +{off:#x}", t.file_of(f));
                        printed += 1;
                        line = call_line;
                    }
                    let _ = writeln!(out, "{name}{args}\n\t{}:{line} +{off:#x}", t.file_of(f));
                    printed += 1;
                }
                FuncKind::DeferTrampoline => {
                    // gc prints the gopanic frame that ran the deferred call: panic({typ, data}),
                    // then the frames above gopanic: the one that raised that panic, and so on.
                    let Some(running) = crate::panic::panic_running_defer(fp) else {
                        out.push_str("panic(...)\n\tgojit-runtime/src/panic.rs\n");
                        break;
                    };
                    let v = running.arg;
                    let _ = writeln!(out, "panic({{{:#x}, {:#x}}})", v.typ as usize, v.data as usize);
                    out.push_str("\tgojit-runtime/src/panic.rs\n");
                    printed += 1;
                    (fp, pc) = (running.start_fp, running.start_pc);
                    innermost = true;
                    continue;
                }
                // Called from runtime code (fmt), whose frames are not followed.
                FuncKind::MethodTrampoline => break,
            },
            None => {}
        }
        innermost = false;
        if fp == 0 {
            break;
        }
        if !crate::panic::on_goroutine_stack(fp) {
            break;
        }
        // SAFETY: fp lies inside the live goroutine stack (checked above).
        let (nfp, npc) = unsafe { arch::caller_of(fp) };
        if nfp <= fp || nfp - fp > (1 << 30) {
            break;
        }
        fp = nfp;
        pc = npc;
    }
}

/// gc's `printArgs`: the frame's arguments, `(0xa, {0x4b1234, 0x5}, ...)`, from its argument
/// program `prog` (see `funcdata`, "Argument info") over the argument image at `argp` (an address
/// in a live frame of the goroutine stack: the caller checked the frame pointer). gojit's image is
/// stored at entry, so no component is marked `?` (see `src/lower/arginfo.rs`).
fn format_args_of(prog: &[u8], argp: usize) -> String {
    use funcdata::trace_args::*;
    let mut out = String::from("(");
    let mut start = true;
    let mut i = 0;
    while i < prog.len() {
        let o = prog[i];
        i += 1;
        let comma = |out: &mut String, start: bool| {
            if !start {
                out.push_str(", ");
            }
        };
        match o {
            END_SEQ => break,
            START_AGG => {
                comma(&mut out, start);
                out.push('{');
                start = true;
                continue;
            }
            END_AGG => out.push('}'),
            DOTDOTDOT => {
                comma(&mut out, start);
                out.push_str("...");
            }
            OFFSET_TOO_LARGE => {
                comma(&mut out, start);
                out.push('_');
            }
            _ => {
                comma(&mut out, start);
                let sz = prog.get(i).copied().unwrap_or(8).min(8) as usize;
                i += 1;
                let mut b = [0u8; 8];
                // SAFETY: `argp + o .. + sz` lies in the frame's argument image slot (at most 248
                // bytes from `argp`, inside the live frame whose fp the walk checked).
                unsafe { std::ptr::copy_nonoverlapping((argp + o as usize) as *const u8, b.as_mut_ptr(), sz) };
                let _ = write!(out, "{:#x}", u64::from_le_bytes(b));
            }
        }
        start = false;
    }
    out.push(')');
    out
}

/// gc's `funcNameForPrint`: the type arguments of an instance print as `[...]`
/// (`main.Map[int,string]` -> `main.Map[...]`, `main.(*List[int]).Push` -> `main.(*List[...]).Push`).
fn name_for_print(name: &str) -> String {
    match (name.find('['), name.rfind(']')) {
        (Some(i), Some(j)) if i < j => format!("{}[...]{}", &name[..i], &name[j + 1..]),
        _ => name.to_string(),
    }
}
