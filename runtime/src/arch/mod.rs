//! Architecture-specific glue for the panic machinery: everything that touches machine registers
//! directly. Only x86-64 (System V, Linux) is implemented; all assembly of the runtime lives here.
//!
//! Invariants:
//! - JIT frames are x86-64 frame-pointer frames: `[fp]` holds the caller's fp, `[fp + 8]` the
//!   return address into the caller (Cranelift `preserve_frame_pointers`). Rust frames need not
//!   be: the runtime never reads its own `rbp` and never follows the chain through Rust code; it
//!   learns its JIT caller's frame at the boundary ([`boundary`]).
//! - [`resume`] abandons every frame below the target: callers must have dropped (or never owned)
//!   anything with `Drop` in those frames before calling it.

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
compile_error!("gojit-runtime's panic machinery supports only x86-64 Linux");

pub mod boundary;
pub mod cpu;

/// The current stack pointer.
#[inline(always)]
pub fn current_sp() -> usize {
    let sp: usize;
    // SAFETY: reads a register, no memory access.
    unsafe { core::arch::asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags)) };
    sp
}

/// The calling thread's thread pointer (`fs:0`: on x86-64 Linux the thread control block holds
/// its own address there), a non-zero value unique among live threads. Read on every call (the
/// asm is not `pure`): a goroutine may resume on another thread within one Rust function, so
/// the value must never be reused from before a call (see `sched::proc`'s thread-local slots).
#[inline(always)]
pub fn thread_pointer() -> usize {
    let tp: usize;
    // SAFETY: reads the word at fs:0, which the TLS ABI keeps mapped and readable on every thread;
    // nothing is written.
    unsafe { core::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tp, options(nostack, readonly, preserves_flags)) };
    tp
}

/// Reads the stack pointer and the callee-saved registers into `regs`, so that pointers the
/// callers keep in registers are in memory a conservative stack scan covers (the collector's
/// own frame, a goroutine entering a system call). Returns the stack pointer.
#[inline(always)]
pub fn spill_callee_saved(regs: &mut [usize; 6]) -> usize {
    let sp: usize;
    // SAFETY: only reads registers into locals.
    unsafe {
        core::arch::asm!(
            "mov {sp}, rsp",
            "mov {a}, rbx",
            "mov {b}, rbp",
            "mov {c}, r12",
            "mov {d}, r13",
            "mov {e}, r14",
            "mov {f}, r15",
            sp = out(reg) sp,
            a = out(reg) regs[0],
            b = out(reg) regs[1],
            c = out(reg) regs[2],
            d = out(reg) regs[3],
            e = out(reg) regs[4],
            f = out(reg) regs[5],
            options(nomem, nostack, preserves_flags)
        );
    }
    sp
}

/// Reads the caller link of the frame at `fp`: `(caller_fp, return_pc)`.
///
/// # Safety
/// `fp` must be the frame pointer of a live frame-pointer frame (16 readable bytes at `fp`).
#[inline(always)]
pub unsafe fn caller_of(fp: usize) -> (usize, usize) {
    // SAFETY: the caller guarantees [fp] and [fp+8] are readable.
    unsafe { (*(fp as *const usize), *((fp + 8) as *const usize)) }
}

/// Transfers control to `pc` with `rsp = sp`, `rbp = fp`, `rax = p0`, `rdx = p1` (the two
/// exception payload registers of a Cranelift `try_call` handler on x86-64). Every other register
/// is considered clobbered by the `try_call` exceptional edge, so nothing else needs restoring.
///
/// # Safety
/// `(pc, sp, fp)` must be a try_call handler of a live frame and that call site's
/// `fp - frame_offset`; every frame below `sp` is abandoned and must own nothing with `Drop`.
pub unsafe fn resume(pc: usize, sp: usize, fp: usize, p0: usize, p1: usize) -> ! {
    // SAFETY: the caller guarantees the target is a valid resume point (see above).
    unsafe {
        core::arch::asm!(
            "mov rsp, rcx",
            "mov rbp, rsi",
            "jmp rdi",
            in("rax") p0, in("rdx") p1, in("rcx") sp, in("rsi") fp, in("rdi") pc,
            options(noreturn, nostack),
        )
    }
}

core::arch::global_asm!(
    // gort_call_on_stack(a0, a1, f, stack_top) -> u64: calls f(a0, a1) with rsp = stack_top
    // (16-byte aligned), then returns on the original stack. rbp links the new stack's first
    // frame back to this frame, so frame walks and native backtraces continue across the switch.
    ".globl gort_call_on_stack",
    ".type gort_call_on_stack,@function",
    "gort_call_on_stack:",
    ".cfi_startproc",
    "push rbp",
    ".cfi_def_cfa_offset 16",
    ".cfi_offset rbp, -16",
    "mov rbp, rsp",
    ".cfi_def_cfa_register rbp",
    "mov rsp, rcx",
    "call rdx",
    "mov rsp, rbp",
    "pop rbp",
    ".cfi_def_cfa rsp, 8",
    "ret",
    ".cfi_endproc",
    ".size gort_call_on_stack, .-gort_call_on_stack",
);

unsafe extern "C" {
    /// See the assembly above.
    pub fn gort_call_on_stack(a0: usize, a1: usize, f: usize, stack_top: usize) -> u64;
}

/// Registers saved in a signal context that the fault handler reads or rewrites.
pub struct SignalRegs {
    pub pc: usize,
    pub sp: usize,
    pub fp: usize,
}

/// Reads pc/sp/fp from a `ucontext_t`.
///
/// # Safety
/// `uc` must be the context pointer passed to an `SA_SIGINFO` handler.
pub unsafe fn signal_regs(uc: *mut libc::c_void) -> SignalRegs {
    // SAFETY: the caller passes the kernel-provided ucontext.
    unsafe {
        let uc = &*(uc as *const libc::ucontext_t);
        let g = &uc.uc_mcontext.gregs;
        SignalRegs {
            pc: g[libc::REG_RIP as usize] as usize,
            sp: g[libc::REG_RSP as usize] as usize,
            fp: g[libc::REG_RBP as usize] as usize,
        }
    }
}

/// Rewrites a signal context so that returning from the handler resumes at `pc` like [`resume`].
///
/// # Safety
/// As for [`resume`]; `uc` must be the context pointer passed to an `SA_SIGINFO` handler.
pub unsafe fn signal_resume(uc: *mut libc::c_void, pc: usize, sp: usize, fp: usize, p0: usize) {
    // SAFETY: the caller passes the kernel-provided ucontext.
    unsafe {
        let uc = &mut *(uc as *mut libc::ucontext_t);
        let g = &mut uc.uc_mcontext.gregs;
        g[libc::REG_RIP as usize] = pc as i64;
        g[libc::REG_RSP as usize] = sp as i64;
        g[libc::REG_RBP as usize] = fp as i64;
        g[libc::REG_RAX as usize] = p0 as i64;
        g[libc::REG_RDX as usize] = 0;
    }
}

/// Rewrites a signal context so that returning from the handler continues as if the interrupted
/// code had executed `call target` with return address `ret` (pushed on its stack).
///
/// # Safety
/// `uc` must be the context pointer passed to an `SA_SIGINFO` handler; the interrupted stack must
/// have 8 writable bytes below its rsp that hold nothing live (no red zone in use).
pub unsafe fn signal_call(uc: *mut libc::c_void, ret: usize, target: usize) {
    // SAFETY: the caller passes the kernel-provided ucontext and guarantees the stack slot.
    unsafe {
        let uc = &mut *(uc as *mut libc::ucontext_t);
        let g = &mut uc.uc_mcontext.gregs;
        let sp = g[libc::REG_RSP as usize] as usize - 8;
        *(sp as *mut usize) = ret;
        g[libc::REG_RSP as usize] = sp as i64;
        g[libc::REG_RIP as usize] = target as i64;
    }
}

/// Defines `$shim`, an entry point with Cranelift's `tail` convention for a Rust
/// `extern "C"` function `$target` that returns **two** integer words (e.g. a Go method
/// `func() string` implemented in Rust, returning [`crate::abi::GoString`]).
///
/// Why: on x86-64 Cranelift 0.135's `tail` and `system_v` conventions agree on integer
/// arguments (rdi, rsi, rdx, rcx, r8, r9), on the first integer result (rax) and on callee-saved
/// registers (rbx, rbp, r12-r15), but `tail` returns the second integer result in **rcx** where
/// `system_v` uses rdx. Rust functions with at most one result can be called from JIT code as
/// `tail` directly; two-result ones need this shim (it keeps an rbp frame, and describes it with
/// call-frame information so the unwinder can pass it when `$target` raises a Go panic).
///
/// Use: `gojit_runtime::tail_ret2_shim!(gort_x_error_tail => x_error);` then
/// `unsafe extern "C" { fn gort_x_error_tail(); }` is declared for you; take its address with
/// `gort_x_error_tail as *const u8` as a `Method::ifn`.
#[macro_export]
macro_rules! tail_ret2_shim {
    ($shim:ident => $target:path) => {
        core::arch::global_asm!(
            concat!(".globl ", stringify!($shim)),
            concat!(".type ", stringify!($shim), ",@function"),
            concat!(stringify!($shim), ":"),
            ".cfi_startproc",
            "push rbp",
            ".cfi_def_cfa_offset 16",
            ".cfi_offset rbp, -16",
            "mov rbp, rsp",
            ".cfi_def_cfa_register rbp",
            "call {t}",
            "mov rcx, rdx",
            "pop rbp",
            ".cfi_def_cfa rsp, 8",
            "ret",
            ".cfi_endproc",
            concat!(".size ", stringify!($shim), ", .-", stringify!($shim)),
            t = sym $target,
        );
        unsafe extern "C" {
            pub fn $shim();
        }
    };
}

core::arch::global_asm!(
    // gort_swap_stack(save_sp: *mut usize, new_sp: usize): the goroutine context switch. Pushes
    // the System V callee-saved registers (rbp, rbx, r12-r15) on the current stack, stores rsp to
    // *save_sp, switches to new_sp and pops the same registers saved there by an earlier switch
    // (or laid out by `new_context`), then returns on the new stack. Caller-saved registers are
    // dead across a call, so nothing else needs saving (Go code keeps MXCSR and the x87 control
    // word at their defaults).
    ".globl gort_swap_stack",
    ".type gort_swap_stack,@function",
    "gort_swap_stack:",
    "push rbp",
    "mov rbp, rsp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "mov [rdi], rsp",
    "mov rsp, rsi",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".size gort_swap_stack, .-gort_swap_stack",
    // gort_goroutine_start: where a new goroutine's first switch returns to. r12 holds the Rust
    // function to run (`extern "C" fn() -> !`); a zero frame pointer ends frame walks here.
    ".globl gort_goroutine_start",
    ".type gort_goroutine_start,@function",
    "gort_goroutine_start:",
    "xor ebp, ebp",
    "push rbp",
    "mov rbp, rsp",
    "call r12",
    "ud2",
    ".size gort_goroutine_start, .-gort_goroutine_start",
);

unsafe extern "C" {
    /// See the assembly above.
    pub fn gort_swap_stack(save_sp: *mut usize, new_sp: usize);
    fn gort_goroutine_start();
}

/// Lays out the registers [`gort_swap_stack`] pops on a fresh stack whose (16-byte aligned) top is
/// `top`, so that switching to the returned sp starts `f` there (on that stack, never returning).
///
/// # Safety
/// `[top - 64, top)` must be writable memory of an unused stack.
pub unsafe fn new_context(top: usize, f: extern "C" fn() -> !) -> usize {
    debug_assert_eq!(top % 16, 0);
    let sp = top - 64;
    let words = [
        0,                                    // r15
        0,                                    // r14
        0,                                    // r13
        f as *const () as usize,              // r12: the function gort_goroutine_start calls
        0,                                    // rbx
        0,                                    // rbp
        gort_goroutine_start as *const () as usize, // return address of the switch
        0,                                    // padding: keeps the entry alignment of a call
    ];
    // SAFETY: the caller guarantees the 64 bytes below top are writable.
    unsafe { std::ptr::copy_nonoverlapping(words.as_ptr(), sp as *mut usize, words.len()) };
    sp
}
