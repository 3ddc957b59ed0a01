//! Reading the goroutine's stack: describing pcs and printing gc-style tracebacks.
//!
//! Tracebacks follow the raw frame-pointer chain from the frame that raised the newest panic up to
//! the entry trampoline. JIT frames print as gc does (`main.f(...)` / `\t/abs/prog.go:12 +0x1d`);
//! runtime (Rust) frames between them are skipped, except that entering a deferred call from the
//! runtime prints gc's `panic(...)` marker line. The walk stops at the entry trampoline, at a frame
//! pointer outside the goroutine stack or not increasing, or after `max` frames.

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
pub fn traceback(out: &mut String, mut fp: usize, mut pc: usize, max: usize) {
    out.push_str("goroutine 1 [running]:\n");
    let mut printed = 0;
    let mut innermost = true;
    for _ in 0..100_000 {
        if printed >= max {
            out.push_str("...additional frames elided...\n");
            break;
        }
        match funcdata::lookup(pc) {
            Some((t, f)) => match f.kind {
                FuncKind::EntryTrampoline => break,
                FuncKind::Go => {
                    let name = t.name(f);
                    let args = if name == "main.main" || name == "main.init" { "()" } else { "(...)" };
                    let line = if innermost { t.line_at(f, (pc - f.start) as u32) } else { t.call_line(f, pc) };
                    let _ = writeln!(out, "{name}{args}\n\t{}:{line} +{:#x}", t.file, pc - f.start);
                    printed += 1;
                }
                FuncKind::DeferTrampoline => {
                    out.push_str("panic(...)\n\tgojit-runtime/panic.rs\n");
                    printed += 1;
                }
                FuncKind::MethodTrampoline => {}
            },
            None => {}
        }
        innermost = false;
        if fp == 0 {
            break;
        }
        // SAFETY: fp was checked to be a frame pointer on the (live) stack by the caller chain
        // invariants; a corrupt chain is caught by the monotonicity check below.
        let (nfp, npc) = unsafe { arch::caller_of(fp) };
        if nfp <= fp || nfp - fp > (1 << 30) {
            break;
        }
        fp = nfp;
        pc = npc;
    }
}
