//! The JIT→runtime boundary: how runtime code finds the JIT frame it was called from without
//! relying on frame pointers in Rust code.
//!
//! JIT code always keeps the x86-64 frame-pointer chain (Cranelift `preserve_frame_pointers`), but
//! Rust code keeps it only when built with `-C force-frame-pointers=yes`, which any `RUSTFLAGS`
//! or `cargo install` silently drops. So the runtime never reads its own `rbp`. Instead:
//! - **Entry shims** ([`jit_entry!`]): every entry point that needs its JIT caller's frame (panics,
//!   `recover`, chained defers) is a three-instruction assembly shim. At its first instruction
//!   `rbp` is still the JIT caller's frame pointer and `[rsp]` the return address into it; the shim
//!   passes both as two extra integer arguments and jumps to the Rust implementation (which then
//!   returns straight to the JIT caller). Exact and free.
//! - **Deep throws** ([`nearest_jit_frame`]): a Go panic raised from inside runtime code (a map
//!   with an unhashable key, a failed assertion inside fmt, ...) finds the innermost JIT frame by
//!   unwinding the Rust frames with their DWARF call-frame information (`_Unwind_Backtrace`, the
//!   unwinder Rust's own panics use), reading the frame's pc and its restored `rbp`. Only panic
//!   paths pay for it.

use core::ffi::{c_int, c_void};

/// The argument register after `n` integer arguments, as a string (System V order).
#[doc(hidden)]
#[macro_export]
macro_rules! __boundary_reg {
    (0) => { "rdi" };
    (1) => { "rsi" };
    (2) => { "rdx" };
    (3) => { "rcx" };
    (4) => { "r8" };
    (5) => { "r9" };
}

/// Counts identifiers as a literal-free token the register macro accepts (at most 4 arguments:
/// two registers are needed for the frame).
#[doc(hidden)]
#[macro_export]
macro_rules! __boundary_regs {
    (fp;) => { $crate::__boundary_reg!(0) };
    (fp; $a:ident) => { $crate::__boundary_reg!(1) };
    (fp; $a:ident $b:ident) => { $crate::__boundary_reg!(2) };
    (fp; $a:ident $b:ident $c:ident) => { $crate::__boundary_reg!(3) };
    (fp; $a:ident $b:ident $c:ident $d:ident) => { $crate::__boundary_reg!(4) };
    (pc;) => { $crate::__boundary_reg!(1) };
    (pc; $a:ident) => { $crate::__boundary_reg!(2) };
    (pc; $a:ident $b:ident) => { $crate::__boundary_reg!(3) };
    (pc; $a:ident $b:ident $c:ident) => { $crate::__boundary_reg!(4) };
    (pc; $a:ident $b:ident $c:ident $d:ident) => { $crate::__boundary_reg!(5) };
}

/// Defines the entry point `$name($args) -> $ret`, callable from JIT code (`tail` or `system_v`:
/// they agree on integer arguments, the first integer result and callee-saved registers on
/// x86-64), as a shim that calls `$target($args, caller_fp, caller_pc)`: the JIT caller's frame
/// pointer and the return address into it. `$target` is an `extern "C"` Rust function with those
/// two extra `usize` parameters; it runs with the shim's return address, so it returns directly
/// to the JIT caller. Integer/pointer arguments only, at most four.
///
/// Also usable as a code pointer that JIT code calls in place of a Go function (a nil func value's
/// stand-in), and as the target of a call synthesised by the fault handler (`signal_call`): in
/// every case `rbp` at the shim is the frame pointer of the JIT frame whose return address `[rsp]`
/// is.
#[macro_export]
macro_rules! jit_entry {
    ($(#[$m:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? => $target:path;) => {
        core::arch::global_asm!(
            concat!(".globl ", stringify!($name)),
            concat!(".type ", stringify!($name), ",@function"),
            ".p2align 4",
            concat!(stringify!($name), ":"),
            concat!("mov ", $crate::__boundary_regs!(fp; $($arg)*), ", rbp"),
            concat!("mov ", $crate::__boundary_regs!(pc; $($arg)*), ", qword ptr [rsp]"),
            "jmp {t}",
            concat!(".size ", stringify!($name), ", .-", stringify!($name)),
            t = sym $target,
        );
        unsafe extern "C" {
            $(#[$m])*
            $vis fn $name($($arg: $ty),*) $(-> $ret)?;
        }
    };
}

#[repr(C)]
struct UnwindContext {
    _opaque: [u8; 0],
}

/// `_URC_NO_REASON`: keep unwinding.
const URC_NO_REASON: c_int = 0;
/// `_URC_NORMAL_STOP`: the callback found what it wanted.
const URC_NORMAL_STOP: c_int = 4;
/// DWARF register number of rbp on x86-64.
const DWARF_RBP: c_int = 6;

type TraceFn = extern "C" fn(*mut UnwindContext, *mut c_void) -> c_int;

// The system unwinder (libgcc_s), which Rust's standard library links on every Linux GNU target
// for its own panics and backtraces.
#[link(name = "gcc_s")]
unsafe extern "C" {
    fn _Unwind_Backtrace(trace: TraceFn, arg: *mut c_void) -> c_int;
    fn _Unwind_GetIP(ctx: *mut UnwindContext) -> usize;
    fn _Unwind_GetGR(ctx: *mut UnwindContext, index: c_int) -> usize;
}

struct Search {
    is_target: fn(usize) -> bool,
    frames_left: usize,
    found: Option<(usize, usize)>,
}

extern "C" fn visit(ctx: *mut UnwindContext, arg: *mut c_void) -> c_int {
    // SAFETY: `arg` is the `Search` that `nearest_jit_frame` passed; ctx is the unwinder's live
    // context for this callback.
    let (s, pc) = unsafe { (&mut *(arg as *mut Search), _Unwind_GetIP(ctx)) };
    if pc == 0 || s.frames_left == 0 {
        return URC_NORMAL_STOP;
    }
    s.frames_left -= 1;
    if (s.is_target)(pc) {
        // SAFETY: as above; rbp's value in that frame, as restored by the unwinder.
        let fp = unsafe { _Unwind_GetGR(ctx, DWARF_RBP) };
        s.found = Some((fp, pc));
        return URC_NORMAL_STOP;
    }
    URC_NO_REASON
}

/// The innermost frame on the current thread's stack whose pc satisfies `is_target` (a JIT code
/// address): `(fp, pc)` with `pc` the return address into it and `fp` its frame pointer. `None`
/// when no such frame is within 512 frames. Only call it on panic paths (it parses unwind tables).
#[inline(never)]
pub fn nearest_jit_frame(is_target: fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut s = Search { is_target, frames_left: 512, found: None };
    // SAFETY: `visit` only reads the context it is given and writes `s`, which outlives the call.
    unsafe { _Unwind_Backtrace(visit, &mut s as *mut Search as *mut c_void) };
    s.found
}
